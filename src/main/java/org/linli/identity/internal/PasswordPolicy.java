package org.linli.identity.internal;

/**
 * At least 8 characters with at least three of: upper case, lower case, digits, symbols
 * (the usual 等保 level-3 rule).
 */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static boolean acceptable(String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            return false;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) ? 1 : 0;
        return kinds >= 3;
    }
}
