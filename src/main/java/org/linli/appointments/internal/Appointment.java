package org.linli.appointments.internal;

import java.time.OffsetDateTime;

record Appointment(long id, AppointmentService service, OffsetDateTime startsAt, OffsetDateTime endsAt,
        Long accountId, String walkInName, String status) {
}
