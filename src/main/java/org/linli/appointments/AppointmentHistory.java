package org.linli.appointments;

import java.time.OffsetDateTime;
import java.util.List;

/** Every appointment booked (whatever became of it) starting in a period, as its booking event. */
public interface AppointmentHistory {

    List<AppointmentBooked> booked(OffsetDateTime from, OffsetDateTime to);
}
