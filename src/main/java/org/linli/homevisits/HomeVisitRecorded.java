package org.linli.homevisits;

import java.time.LocalDate;

/** A home visit was recorded as done (dashboards count it by the register entry's reason). */
public record HomeVisitRecorded(long visitId, String centerCode, LocalDate day, String reason, String purpose) {
}
