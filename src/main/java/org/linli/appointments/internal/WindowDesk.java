package org.linli.appointments.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.calendar.OpeningHours;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** At the window: the day's appointments, who is booked next, and walk-ins registered by staff. */
@Service
class WindowDesk {

    private final AppointmentRepository repository;
    private final Booking booking;

    WindowDesk(AppointmentRepository repository, Booking booking) {
        this.repository = repository;
        this.booking = booking;
    }

    List<Appointment> day(String centerCode, LocalDate date) {
        OffsetDateTime from = date.atStartOfDay(OpeningHours.ZONE).toOffsetDateTime();
        return repository.day(centerCode, from, from.plusDays(1));
    }

    Optional<Appointment> next(String centerCode) {
        OffsetDateTime now = OffsetDateTime.now(OpeningHours.ZONE);
        return day(centerCode, now.toLocalDate()).stream()
                .filter(a -> a.status().equals("BOOKED") && a.endsAt().isAfter(now)).findFirst();
    }

    @Transactional
    Appointment walkIn(String centerCode, String serviceCode, String name) {
        AppointmentService service = booking.service(centerCode, serviceCode);
        String who = name == null ? "" : name.trim();
        if (who.isEmpty() || who.length() > 40) {
            throw LinliException.invalidField("name", "WALK_IN_NAME_INVALID");
        }
        OffsetDateTime now = OffsetDateTime.now(OpeningHours.ZONE).withNano(0);
        long id = repository.insert(service.id(), now, now.plusMinutes(service.slotMinutes()), null, who, "WALK_IN");
        return repository.find(id).orElseThrow();
    }
}
