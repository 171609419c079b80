package org.linli.appointments.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.linli.appointments.AppointmentBooked;
import org.linli.calendar.OpeningHours;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, cancelling and moving. The slot's capacity is held by the database (a conditional update
 * on the slot row and a check constraint), one resident's bookings are serialised by an advisory
 * lock, and a move is one transaction: the old place is given back only if the new one is taken.
 */
@Service
class Booking {

    private final AppointmentRepository repository;
    private final Slots slots;
    private final AppointmentProperties properties;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Booking(AppointmentRepository repository, Slots slots, AppointmentProperties properties,
            ApplicationEventPublisher events, JdbcClient jdbc) {
        this.repository = repository;
        this.slots = slots;
        this.properties = properties;
        this.events = events;
        this.jdbc = jdbc;
    }

    AppointmentService service(String centerCode, String serviceCode) {
        return repository.service(centerCode, serviceCode == null ? "" : serviceCode)
                .orElseThrow(() -> LinliException.notFound("SERVICE_NOT_FOUND", serviceCode));
    }

    @Transactional
    Appointment book(long accountId, String centerCode, String serviceCode, String start) {
        AppointmentService service = service(centerCode, serviceCode);
        lockAccount(accountId);
        if (repository.futureBookings(accountId) >= properties.maxFutureBookings()) {
            throw LinliException.conflict("TOO_MANY_BOOKINGS", properties.maxFutureBookings());
        }
        return take(accountId, service, start);
    }

    @Transactional
    void cancel(long accountId, long appointmentId) {
        Appointment appointment = own(accountId, appointmentId);
        repository.cancel(appointment.id());
        repository.releasePlace(appointment.service().id(), appointment.startsAt());
    }

    @Transactional
    Appointment move(long accountId, long appointmentId, String start) {
        lockAccount(accountId);
        Appointment old = own(accountId, appointmentId);
        repository.cancel(old.id());
        repository.releasePlace(old.service().id(), old.startsAt());
        return take(accountId, old.service(), start);
    }

    private Appointment take(long accountId, AppointmentService service, String start) {
        OffsetDateTime startsAt = parse(start);
        LocalDate date = startsAt.atZoneSameInstant(OpeningHours.ZONE).toLocalDate();
        if (!startsAt.isAfter(OffsetDateTime.now())) {
            throw LinliException.conflict("SLOT_PAST");
        }
        if (date.isAfter(LocalDate.now(OpeningHours.ZONE).plusDays(properties.bookingDays()))) {
            throw LinliException.conflict("SLOT_TOO_FAR", properties.bookingDays());
        }
        Slots.Slot slot = slots.on(service, date).stream().filter(s -> s.start().isEqual(startsAt)).findFirst()
                .orElseThrow(() -> LinliException.conflict("SLOT_CLOSED"));
        if (repository.holds(service.id(), slot.start(), accountId)) {
            throw LinliException.conflict("ALREADY_BOOKED");
        }
        if (!repository.takePlace(service.id(), slot.start(), service.capacity())) {
            throw LinliException.conflict("SLOT_FULL");
        }
        long id = repository.insert(service.id(), slot.start(), slot.end(), accountId, null, "BOOKED");
        OffsetDateTime reminderWindowEnd = LocalDate.now(OpeningHours.ZONE).plusDays(2).atStartOfDay(OpeningHours.ZONE)
                .toOffsetDateTime();
        if (slot.start().isBefore(reminderWindowEnd)) {
            repository.markReminded(id); // booked today or tomorrow: the confirmation is the reminder
        }
        events.publishEvent(new AppointmentBooked(id, accountId, service.nameZh(), service.nameEn(),
                service.centerCode(), slot.start()));
        return repository.find(id).orElseThrow();
    }

    private Appointment own(long accountId, long appointmentId) {
        Appointment appointment = repository.lockOwn(appointmentId, accountId)
                .orElseThrow(() -> LinliException.notFound("APPOINTMENT_NOT_FOUND"));
        if (!appointment.status().equals("BOOKED")) {
            throw LinliException.conflict("APPOINTMENT_NOT_ACTIVE");
        }
        if (!appointment.startsAt().isAfter(OffsetDateTime.now())) {
            throw LinliException.conflict("APPOINTMENT_STARTED");
        }
        return appointment;
    }

    private void lockAccount(long accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('appointments:' || ?))").param(accountId).query().singleRow();
    }

    /** The slot's start; unlike a query's moment it may not be left out. */
    static OffsetDateTime parse(String start) {
        if (start == null || start.isBlank()) {
            throw LinliException.invalidField("start", "DATE_TIME_INVALID", "start");
        }
        return RequestTimes.moment("start", start);
    }
}
