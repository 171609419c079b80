package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import org.linli.platform.RequestTimes;

/** A volunteer as stored; the emergency contact stays sealed here and is opened only for its owner and staff. */
record Volunteer(long id, long personId, Long accountId, Long guardianAccountId, OffsetDateTime guardianConsentAt,
        String number, String centerCode, LocalDate birthDate, List<String> skills, List<String> languages,
        List<String> availability, List<String> serviceAreas, String emergencyNameSealed,
        String emergencyPhoneSealed, Long orgId, Long teamId, String status, OffsetDateTime registeredAt) {

    int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public boolean minor() {
        return ageOn(LocalDate.now(RequestTimes.ZONE)) < 18;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
