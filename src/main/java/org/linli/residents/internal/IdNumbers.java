package org.linli.residents.internal;

import java.time.LocalDate;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;

/** Reads an ID number from user input or refuses it with a 400 naming the field and the reason. */
final class IdNumbers {

    private IdNumbers() {
    }

    static IdCardNumber parse(String field, String input) {
        String value = IdCardNumber.normalise(input);
        IdCardNumber.Problem problem = IdCardNumber.problem(value, LocalDate.now(org.linli.platform.RequestTimes.ZONE));
        if (problem != null) {
            throw LinliException.invalidField(field, problem.name());
        }
        return new IdCardNumber(value);
    }

    static String name(String field, String input) {
        String name = input == null ? "" : input.trim();
        if (name.isEmpty() || name.length() > 40) {
            throw LinliException.invalidField(field, "REAL_NAME_INVALID");
        }
        return name;
    }
}
