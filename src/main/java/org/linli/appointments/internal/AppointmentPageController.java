package org.linli.appointments.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.linli.calendar.OpeningHours;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Booking pages for residents, and the window's day list for staff. */
@Controller
class AppointmentPageController {

    private final Booking booking;
    private final Slots slots;
    private final AppointmentRepository repository;
    private final WindowDesk desk;
    private final Callers callers;
    private final Centers centers;

    AppointmentPageController(Booking booking, Slots slots, AppointmentRepository repository, WindowDesk desk,
            Callers callers, Centers centers) {
        this.booking = booking;
        this.slots = slots;
        this.repository = repository;
        this.desk = desk;
        this.callers = callers;
        this.centers = centers;
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    @GetMapping("/centers/{code}/book/{service}")
    @Access(roles = Role.RESIDENT)
    String slots(@PathVariable String code, @PathVariable String service, @RequestParam(required = false) String date,
            @RequestParam(required = false) Long move, Model model) {
        LocalDate today = LocalDate.now(OpeningHours.ZONE);
        LocalDate day = date == null ? today : AppointmentApiController.parseDate(date);
        AppointmentService s = booking.service(code, service);
        model.addAttribute("center", centers.require(code));
        model.addAttribute("service", s);
        model.addAttribute("date", day);
        model.addAttribute("days", java.util.stream.IntStream.range(0, 14).mapToObj(today::plusDays).toList());
        model.addAttribute("slots", slots.on(s, day));
        model.addAttribute("move", move);
        return "appointments/book";
    }

    @PostMapping("/centers/{code}/book/{service}")
    @Access(roles = Role.RESIDENT)
    String book(@PathVariable String code, @PathVariable String service, @RequestParam(required = false) String start,
            @RequestParam(required = false) Long move, Model model, HttpServletResponse response) {
        try {
            if (move != null) {
                booking.move(me(), move, start);
            } else {
                booking.book(me(), code, service, start);
            }
            return "redirect:/me/appointments?booked";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            String date = null;
            try {
                date = Booking.parse(start).atZoneSameInstant(OpeningHours.ZONE).toLocalDate().toString();
            } catch (LinliException unreadable) {
                date = null;
            }
            return slots(code, service, date, move, model);
        }
    }

    @GetMapping("/me/appointments")
    @Access
    String mine(Model model) {
        model.addAttribute("appointments", repository.mine(me()));
        return "appointments/mine";
    }

    /** The web session's way to the calendar file (the API needs a bearer token). */
    @GetMapping("/me/appointments/{id}/calendar.ics")
    @Access
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<String> calendarFile(@PathVariable long id) {
        return AppointmentApiController.calendarFile(repository, centers, me(), id);
    }

    @PostMapping("/me/appointments/{id}/cancel")
    @Access
    String cancel(@PathVariable long id) {
        booking.cancel(me(), id);
        return "redirect:/me/appointments?cancelled";
    }

    @GetMapping("/staff/centers/{code}/appointments")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String day(@PathVariable String code, @RequestParam(required = false) String date, Model model) {
        LocalDate day = date == null ? LocalDate.now(OpeningHours.ZONE) : AppointmentApiController.parseDate(date);
        model.addAttribute("center", centers.require(code));
        model.addAttribute("date", day);
        model.addAttribute("appointments", desk.day(code, day));
        model.addAttribute("next", desk.next(code).orElse(null));
        model.addAttribute("services", repository.services(code));
        return "appointments/desk";
    }

    @PostMapping("/staff/centers/{code}/walk-ins")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String walkIn(@PathVariable String code, @RequestParam(required = false) String serviceCode,
            @RequestParam(required = false) String name, Model model, HttpServletResponse response) {
        return act(model, response, () -> desk.walkIn(code, serviceCode, name), "/staff/centers/" + code + "/appointments",
                () -> day(code, null, model));
    }

    private String act(Model model, HttpServletResponse response, Supplier<Object> action, String redirect,
            Supplier<String> page) {
        try {
            action.get();
            return "redirect:" + redirect + "?saved";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return page.get();
        }
    }
}
