package org.linli.catalog.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The catalogue's categories (a fixed list, labelled in messages as {@code catalog.category.CODE}). */
@Component
public class Categories {

    static final List<String> CODES = List.of("SOCIAL_INSURANCE", "EMPLOYMENT", "MEDICAL_INSURANCE", "DISABILITY",
            "SOCIAL_ASSISTANCE", "ELDERLY", "BIRTH_FAMILY", "RESIDENCE", "VETERANS", "PARTY_MEMBERS", "LEGAL", "FUNERAL",
            "CERTIFICATES", "LOCAL");

    private final MessageSource messages;

    Categories(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> codes() {
        return CODES;
    }

    public String label(String code, Locale locale) {
        return messages.getMessage("catalog.category." + code, null, code, locale);
    }

    static boolean known(String code) {
        return CODES.contains(code);
    }
}
