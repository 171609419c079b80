package org.linli.catalog;

import java.util.List;

/** A field of the form an application for an item fills in. */
public record FormField(String name, String label, Type type, Boolean required, List<Option> options) {

    public enum Type {
        TEXT, NUMBER, DATE, PHONE, ID_NUMBER, CHOICE, BOOLEAN
    }

    /** One choice of a CHOICE field. */
    public record Option(String value, String label) {
    }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        required = Boolean.TRUE.equals(required);
    }
}
