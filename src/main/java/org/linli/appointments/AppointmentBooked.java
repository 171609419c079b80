package org.linli.appointments;

import java.time.OffsetDateTime;

/** A resident booked (or moved to) a slot; they get a confirmation. */
public record AppointmentBooked(long appointmentId, long accountId, String serviceNameZh, String serviceNameEn,
        String centerCode, OffsetDateTime startsAt) {
}
