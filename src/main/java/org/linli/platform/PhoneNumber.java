package org.linli.platform;

import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting 13–19. Spaces, dashes and a +86 prefix are tolerated. */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a mobile number");
        }
    }

    /** The number in canonical form, or null when the input is not a mobile number. */
    public static PhoneNumber parseOrNull(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? new PhoneNumber(digits) : null;
    }

    /** 138****0001: what a screen shows of someone else's number. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
