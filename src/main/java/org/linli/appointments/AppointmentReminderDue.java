package org.linli.appointments;

import java.time.OffsetDateTime;

/** An appointment is tomorrow; the resident is reminded once. */
public record AppointmentReminderDue(long appointmentId, long accountId, String serviceNameZh, String serviceNameEn,
        String centerCode, OffsetDateTime startsAt) {
}
