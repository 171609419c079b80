package org.linli.centers;

import java.util.Locale;

/**
 * A node of the district tree. Names and addresses are kept in Chinese (the official form) and in
 * English; {@link #name(Locale)} picks the one a reader wants.
 */
public record Center(
        CenterCode code,
        String nameZh,
        String nameEn,
        CenterLevel level,
        CenterCode parentCode,
        String addressZh,
        String addressEn,
        String phone) {

    public Center {
        if (level == CenterLevel.DISTRICT && parentCode != null) {
            throw new IllegalArgumentException("A district has no parent");
        }
        if (level != CenterLevel.DISTRICT && parentCode == null) {
            throw new IllegalArgumentException("Only a district has no parent");
        }
    }

    public String name(Locale locale) {
        return english(locale) ? nameEn : nameZh;
    }

    public String address(Locale locale) {
        return english(locale) && addressEn != null ? addressEn : addressZh;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
