package org.linli.centers;

import java.util.regex.Pattern;

/** A center's stable code, used in URLs and the API: lower-case letters, digits and dashes. */
public record CenterCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public CenterCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a center code: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
