package org.linli.appointments.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.OpeningHours;
import org.linli.calendar.Session;
import org.springframework.stereotype.Component;

/** A service's slots on a day: the open sessions of its space (or center) cut into slot-length pieces. */
@Component
class Slots {

    private final OpeningHours hours;
    private final AppointmentRepository repository;

    Slots(OpeningHours hours, AppointmentRepository repository) {
        this.hours = hours;
        this.repository = repository;
    }

    record Slot(OffsetDateTime start, OffsetDateTime end, String session, int capacity, int available, boolean past) {
    }

    List<Slot> on(AppointmentService service, LocalDate date) {
        DaySchedule day = hours.schedule(service.centerCode(), service.space(), date, 1).getFirst();
        OffsetDateTime dayStart = date.atStartOfDay(OpeningHours.ZONE).toOffsetDateTime();
        Map<OffsetDateTime, Integer> booked = repository.booked(service.id(), dayStart, dayStart.plusDays(1));
        OffsetDateTime now = OffsetDateTime.now(OpeningHours.ZONE);
        List<Slot> slots = new ArrayList<>();
        for (Session session : day.sessions()) {
            LocalTime t = session.opens();
            while (!t.plusMinutes(service.slotMinutes()).isAfter(session.closes())
                    && t.plusMinutes(service.slotMinutes()).isAfter(t)) {
                OffsetDateTime start = date.atTime(t).atZone(OpeningHours.ZONE).toOffsetDateTime();
                int taken = booked.getOrDefault(start.toInstant().atOffset(ZoneOffset.UTC), 0);
                slots.add(new Slot(start, start.plusMinutes(service.slotMinutes()), session.kind().name(),
                        service.capacity(), Math.max(0, service.capacity() - taken), !start.isAfter(now)));
                t = t.plusMinutes(service.slotMinutes());
            }
        }
        return slots;
    }
}
