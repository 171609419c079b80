package org.linli.applications.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.catalog.FormField;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;

/**
 * Checks submitted values against an item's form (defined in the catalogue's data): every wrong field
 * is named at once (400 with one entry each), and only the form's own fields are kept, normalised.
 */
final class FormValidation {

    static final int MAX_TEXT = 500;

    private FormValidation() {
    }

    static Map<String, String> validate(List<FormField> form, Map<String, ?> submitted) {
        Map<String, ?> values = submitted == null ? Map.of() : submitted;
        List<LinliException.FieldError> errors = new ArrayList<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (FormField field : form) {
            Object raw = values.get(field.name());
            String value = raw == null ? "" : String.valueOf(raw).strip();
            if (value.isEmpty() || (field.type() == FormField.Type.BOOLEAN && value.equals("false") && field.required())) {
                if (field.required()) {
                    errors.add(new LinliException.FieldError(field.name(), "REQUIRED", field.label()));
                }
                continue;
            }
            String problem = problem(field, value);
            if (problem != null) {
                errors.add(new LinliException.FieldError(field.name(), problem, field.label()));
                continue;
            }
            clean.put(field.name(), normalise(field, value));
        }
        if (!errors.isEmpty()) {
            throw LinliException.fields("APPLICATION_FORM_INVALID", errors);
        }
        return clean;
    }

    private static String problem(FormField field, String value) {
        if (value.length() > MAX_TEXT) {
            return "LENGTH";
        }
        return switch (field.type()) {
            case TEXT -> null;
            case NUMBER -> {
                try {
                    BigDecimal n = new BigDecimal(value);
                    yield n.abs().compareTo(new BigDecimal("1000000000")) > 0 ? "FORMAT" : null;
                } catch (NumberFormatException e) {
                    yield "FORMAT";
                }
            }
            case DATE -> {
                try {
                    LocalDate d = LocalDate.parse(value);
                    yield d.getYear() < 1900 || d.getYear() > 2200 ? "FORMAT" : null;
                } catch (DateTimeParseException e) {
                    yield "FORMAT";
                }
            }
            case PHONE -> PhoneNumber.parseOrNull(value) != null ? null : "FORMAT";
            case ID_NUMBER -> IdCardNumber.problem(IdCardNumber.normalise(value), LocalDate.now(RequestTimes.ZONE)) == null
                    ? null : "FORMAT";
            case CHOICE -> field.options().stream().anyMatch(o -> o.value().equals(value)) ? null : "CHOICE";
            case BOOLEAN -> value.equals("true") || value.equals("false") || value.equals("on") ? null : "FORMAT";
        };
    }

    private static String normalise(FormField field, String value) {
        return switch (field.type()) {
            case PHONE -> PhoneNumber.parseOrNull(value).value();
            case ID_NUMBER -> IdCardNumber.normalise(value);
            case BOOLEAN -> String.valueOf(value.equals("true") || value.equals("on"));
            default -> value;
        };
    }
}
