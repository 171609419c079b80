package org.linli.platform;

/**
 * Free text as people type it: trimmed, at most a given length, and without control characters
 * (other than line breaks and tabs) — PostgreSQL refuses NUL, and nothing else has a use for them.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Whether the text holds a control character other than a line break or tab. */
    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text trimmed (null and blank give null); 400 naming the field when it is longer than
     * {@code max} ({@code TEXT_TOO_LONG}) or holds control characters ({@code TEXT_INVALID}).
     */
    public static String check(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (hasControl(t)) {
            throw LinliException.invalidField(field, "TEXT_INVALID");
        }
        if (t.length() > max) {
            throw LinliException.invalidField(field, "TEXT_TOO_LONG", max);
        }
        return t;
    }
}
