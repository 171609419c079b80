package org.linli.platform;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an alphabet without
 * I, O, S, V and Z; characters 3–8 are digits (the registering authority's division); the last is a
 * MOD 31 check character over the first 17 with weights 3^(i-1) mod 31.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Upper case, spaces removed; null for blank input. */
    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return input.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** True when the code is well formed and its check character is right. */
    public static boolean valid(String code) {
        if (code == null || !code.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
            return false;
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters (which must come from the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int v = 31 - sum % 31;
        return ALPHABET.charAt(v == 31 ? 0 : v);
    }
}
