package org.linli.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * A resident ID number (公民身份号码, GB 11643): 6-digit area code, birth date, 3-digit sequence (odd
 * is male), and an ISO 7064 MOD 11-2 check character. Unknown area codes are accepted on purpose:
 * historical codes stay valid.
 */
public record IdCardNumber(String value) {

    /** Why a string is not an ID number; each is also the field code of the API's 400. */
    public enum Problem { ID_NUMBER_LENGTH, ID_NUMBER_FORMAT, ID_NUMBER_PROVINCE, ID_NUMBER_DATE, ID_NUMBER_CHECKSUM }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

    public IdCardNumber {
        Problem problem = problem(value, LocalDate.now(RequestTimes.ZONE));
        if (problem != null) {
            throw new IllegalArgumentException(problem.name());
        }
    }

    /** Trims and upper-cases a trailing x. */
    public static String normalise(String input) {
        return input == null ? null : input.trim().toUpperCase();
    }

    /** The first problem found, or null when {@code value} (already normalised) is a valid number today. */
    public static Problem problem(String value, LocalDate today) {
        if (value == null || value.length() != 18) {
            return Problem.ID_NUMBER_LENGTH;
        }
        if (!value.matches("[1-9]\\d{16}[\\dX]")) {
            return Problem.ID_NUMBER_FORMAT;
        }
        if (!PROVINCES.contains(Integer.parseInt(value.substring(0, 2)))) {
            return Problem.ID_NUMBER_PROVINCE;
        }
        LocalDate birth = birthDateOrNull(value);
        if (birth == null || birth.isAfter(today) || birth.getYear() < 1880) {
            return Problem.ID_NUMBER_DATE;
        }
        return checkCharacter(value.substring(0, 17)) == value.charAt(17) ? null : Problem.ID_NUMBER_CHECKSUM;
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static LocalDate birthDateOrNull(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    public LocalDate birthDate() {
        return birthDateOrNull(value);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** {@code 5301**********123X}: the first four and the last four characters. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
