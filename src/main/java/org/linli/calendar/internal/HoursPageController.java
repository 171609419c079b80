package org.linli.calendar.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.linli.calendar.OpeningHours;
import org.linli.calendar.SessionKind;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The center admin's hours page, and the district admin's calendar import. */
@Controller
class HoursPageController {

    private final Centers centers;
    private final HoursEditing editing;
    private final HoursRepository repository;
    private final CalendarImport calendarImport;

    HoursPageController(Centers centers, HoursEditing editing, HoursRepository repository,
            CalendarImport calendarImport) {
        this.centers = centers;
        this.editing = editing;
        this.repository = repository;
        this.calendarImport = calendarImport;
    }

    @GetMapping("/admin/centers/{code}/hours")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String page(@PathVariable String code, @RequestParam(defaultValue = "") String space, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("space", space);
        model.addAttribute("spaces", repository.spaces(code));
        model.addAttribute("rules", editing.rules(code, space));
        model.addAttribute("exceptions", repository.exceptions(code, space, LocalDate.now(OpeningHours.ZONE),
                LocalDate.now(OpeningHours.ZONE).plusYears(1)));
        model.addAttribute("sessions", SessionKind.values());
        model.addAttribute("dayTypes", List.of("MONDAY_TO_FRIDAY", "SATURDAY_SUNDAY", "EVERY_DAY", "MONDAY", "TUESDAY",
                "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "HOLIDAY"));
        return "calendar/hours-admin";
    }

    @PostMapping("/admin/centers/{code}/hours/rules")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String addRule(@PathVariable String code, HoursEditing.NewRule rule, Model model, HttpServletResponse response) {
        return act(code, rule.space(), model, response, () -> editing.addRule(code, rule));
    }

    @PostMapping("/admin/centers/{code}/hours/rules/{id}/delete")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String deleteRule(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String space,
            Model model, HttpServletResponse response) {
        return act(code, space, model, response, () -> {
            editing.deleteRule(code, id);
            return null;
        });
    }

    @PostMapping("/admin/centers/{code}/hours/exceptions")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String addException(@PathVariable String code, HoursEditing.NewException exception, Model model,
            HttpServletResponse response) {
        return act(code, exception.space(), model, response, () -> editing.addException(code, exception));
    }

    @PostMapping("/admin/centers/{code}/hours/exceptions/{id}/delete")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String deleteException(@PathVariable String code, @PathVariable long id,
            @RequestParam(defaultValue = "") String space, Model model, HttpServletResponse response) {
        return act(code, space, model, response, () -> {
            editing.deleteException(code, id);
            return null;
        });
    }

    @GetMapping("/admin/calendar")
    @Access(roles = Role.DISTRICT_ADMIN)
    String calendar(Model model) {
        return "calendar/calendar-admin";
    }

    @PostMapping("/admin/calendar")
    @Access(roles = Role.DISTRICT_ADMIN)
    String importCalendar(@RequestParam(required = false) String csv, Model model, HttpServletResponse response) {
        CalendarImport.Result result = calendarImport.importCsv(csv, "import by district admin (page)");
        if (!result.ok()) {
            CalendarImport.Problem first = result.problems().getFirst();
            model.addAttribute("error", LinliException.invalidField("line " + first.line(), first.code(), first.line()));
            model.addAttribute("csv", csv);
            response.setStatus(400);
        } else {
            model.addAttribute("imported", result.days());
        }
        return "calendar/calendar-admin";
    }

    private String act(String code, String space, Model model, HttpServletResponse response, Supplier<Object> action) {
        String key = space == null ? "" : space.trim();
        try {
            action.get();
            return "redirect:/admin/centers/" + code + "/hours?saved" + (key.isEmpty() ? "" : "&space=" + key);
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && "CENTER_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return page(code, key.matches("[a-z][a-z0-9-]{1,39}") ? key : "", model);
        }
    }
}
