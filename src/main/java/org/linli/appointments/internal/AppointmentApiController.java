package org.linli.appointments.internal;

import org.linli.platform.CalendarFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.linli.calendar.OpeningHours;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appointments", description = "Slots, bookings, calendar files; the day's list and walk-ins for staff")
class AppointmentApiController {

    private final AppointmentRepository repository;
    private final Slots slots;
    private final Booking booking;
    private final WindowDesk desk;
    private final Callers callers;
    private final Centers centers;

    AppointmentApiController(AppointmentRepository repository, Slots slots, Booking booking, WindowDesk desk,
            Callers callers, Centers centers) {
        this.repository = repository;
        this.slots = slots;
        this.booking = booking;
        this.desk = desk;
        this.callers = callers;
        this.centers = centers;
    }

    record ServiceView(String code, String name, String nameEn, String kind, String space, int slotMinutes,
            int capacity) {
        static ServiceView of(AppointmentService s) {
            return new ServiceView(s.code(), s.nameZh(), s.nameEn(), s.kind(), s.space(), s.slotMinutes(), s.capacity());
        }
    }

    record AppointmentView(long id, String centerCode, String serviceCode, String serviceName, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String status, String walkInName) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id(), a.service().centerCode(), a.service().code(), a.service().nameZh(),
                    a.startsAt().atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime(),
                    a.endsAt().atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime(), a.status(), a.walkInName());
        }
    }

    record Start(String start) {
    }

    record WalkIn(String serviceCode, String name) {
    }

    @GetMapping("/api/v1/centers/{code}/appointment-services")
    @Public
    @Operation(summary = "What can be booked at this center")
    Map<String, List<ServiceView>> services(@PathVariable String code) {
        centers.require(code);
        return Map.of("services", repository.services(code).stream().map(ServiceView::of).toList());
    }

    @GetMapping("/api/v1/centers/{code}/appointment-services/{service}/slots")
    @Public
    @Operation(summary = "A day's slots (only while the center or space is open), with places left")
    Map<String, Object> slots(@PathVariable String code, @PathVariable String service,
            @RequestParam(required = false) String date) {
        centers.require(code);
        LocalDate day = date == null ? LocalDate.now(OpeningHours.ZONE) : parseDate(date);
        return Map.of("date", day.toString(), "slots", slots.on(booking.service(code, service), day));
    }

    @PostMapping("/api/v1/centers/{code}/appointment-services/{service}/bookings")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Book a slot (409 when full, closed, past, already booked, or too many bookings)")
    ResponseEntity<AppointmentView> book(@PathVariable String code, @PathVariable String service,
            @RequestBody Start body) {
        Appointment appointment = booking.book(me(), code, service, body.start());
        return ResponseEntity.status(HttpStatus.CREATED).body(AppointmentView.of(appointment));
    }

    @GetMapping("/api/v1/me/appointments")
    @Access
    @Operation(summary = "My upcoming appointments")
    Map<String, List<AppointmentView>> mine() {
        return Map.of("appointments", repository.mine(me()).stream().map(AppointmentView::of).toList());
    }

    @DeleteMapping("/api/v1/appointments/{id}")
    @Access
    @Operation(summary = "Cancel my appointment (someone else's is 404)")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        booking.cancel(me(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/appointments/{id}/move")
    @Access
    @Operation(summary = "Move my appointment to another slot of the same service, all or nothing")
    AppointmentView move(@PathVariable long id, @RequestBody Start body) {
        return AppointmentView.of(booking.move(me(), id, body.start()));
    }

    @GetMapping(value = "/api/v1/appointments/{id}/calendar.ics", produces = "text/calendar")
    @Access
    @Operation(summary = "My appointment as an iCalendar file")
    ResponseEntity<String> ics(@PathVariable long id) {
        return calendarFile(repository, centers, me(), id);
    }

    /** The caller's own appointment as a calendar file; anyone else's is 404. Pages use it too. */
    static ResponseEntity<String> calendarFile(AppointmentRepository repository, Centers centers, long accountId,
            long id) {
        Appointment appointment = repository.find(id).filter(a -> Long.valueOf(accountId).equals(a.accountId()))
                .orElseThrow(() -> LinliException.notFound("APPOINTMENT_NOT_FOUND"));
        if (!appointment.status().equals("BOOKED")) {
            throw LinliException.conflict("APPOINTMENT_NOT_ACTIVE");
        }
        Center center = centers.require(appointment.service().centerCode());
        String body = CalendarFile.event("appointment-" + appointment.id(), appointment.startsAt(),
                appointment.endsAt(), appointment.service().nameZh() + " · " + center.nameZh(),
                center.addressZh() == null ? center.nameZh() : center.nameZh() + "，" + center.addressZh(),
                "预约编号 " + appointment.id() + (center.phone() == null ? "" : "，咨询电话 " + center.phone()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linli-appointment-" + id + ".ics\"")
                .body(body);
    }

    @GetMapping("/api/v1/centers/{code}/appointments")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The day's appointments and walk-ins at this center, and who is booked next")
    Map<String, Object> day(@PathVariable String code, @RequestParam(required = false) String date) {
        LocalDate day = date == null ? LocalDate.now(OpeningHours.ZONE) : parseDate(date);
        return Map.of("date", day.toString(),
                "appointments", desk.day(code, day).stream().map(AppointmentView::of).toList(),
                "next", desk.next(code).map(AppointmentView::of).map(Object.class::cast).orElse(Map.of()));
    }

    @PostMapping("/api/v1/centers/{code}/walk-ins")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Register a walk-in at the window")
    ResponseEntity<AppointmentView> walkIn(@PathVariable String code, @RequestBody WalkIn body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AppointmentView.of(desk.walkIn(code, body.serviceCode(), body.name())));
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    static LocalDate parseDate(String date) {
        return org.linli.platform.RequestTimes.date("date", date);
    }
}
