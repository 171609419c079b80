package org.linli.residents.internal;

import java.time.LocalDate;

/** A person's row with sensitive fields already opened; only ever shown masked unless revealed. */
record Person(long id, Long accountId, String realName, String idNumber, String address, LocalDate birthDate,
        String sex, String homeCenterCode, boolean anonymised) {

    String maskedIdNumber() {
        return idNumber == null ? null : new org.linli.platform.IdCardNumber(idNumber).masked();
    }

    String maskedName() {
        if (realName == null || realName.isEmpty()) {
            return realName;
        }
        return realName.charAt(0) + "*".repeat(Math.max(1, realName.length() - 1));
    }
}
