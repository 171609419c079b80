package org.linli.calendar.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.Opening;
import org.linli.calendar.OpeningHours;
import org.linli.platform.Access;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centers/{code}")
@Tag(name = "Opening hours", description = "Open now, next opening, the week's hours; admins edit them")
class OpeningApiController {

    private final OpeningHours hours;
    private final HoursEditing editing;

    OpeningApiController(OpeningHours hours, HoursEditing editing) {
        this.hours = hours;
        this.editing = editing;
    }

    record OpeningView(boolean open, String session, String dayKind, OffsetDateTime nextOpen) {
        static OpeningView of(Opening o) {
            return new OpeningView(o.open(), o.session() == null ? null : o.session().name(), o.dayKind().name(),
                    o.nextOpen());
        }
    }

    record SessionView(String session, String opens, String closes) {
    }

    record DayView(String date, String dayKind, String holidayName, boolean provisional, boolean exception,
            String note, List<SessionView> sessions) {
        static DayView of(DaySchedule d) {
            return new DayView(d.day().date().toString(), d.day().dayKind().name(), d.day().holidayName(),
                    d.day().provisional(), d.exception(), d.note(), d.sessions().stream()
                    .map(s -> new SessionView(s.kind().name(), s.opens().toString(), s.closes().toString())).toList());
        }
    }

    @GetMapping("/opening")
    @Public
    @Operation(summary = "Open at a moment (default now)? Which session, what kind of day, and when it opens next")
    OpeningView opening(@PathVariable String code, @RequestParam(required = false) String at,
            @RequestParam(required = false, defaultValue = "") String space) {
        return OpeningView.of(hours.openingAt(code, space, Times.instant("at", at)));
    }

    @GetMapping("/hours")
    @Public
    @Operation(summary = "The hours from a date (default today) for some days (default 7), holidays marked")
    Map<String, Object> week(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false, defaultValue = "7") int days,
            @RequestParam(required = false, defaultValue = "") String space) {
        LocalDate start = from == null ? LocalDate.now(OpeningHours.ZONE) : Times.date("from", from);
        List<DayView> schedule = hours.schedule(code, space, start, Math.min(Math.max(days, 1), 62)).stream()
                .map(DayView::of).toList();
        return Map.of("days", schedule, "rules", editing.rules(code, space));
    }

    @PostMapping("/hours/rules")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add a session to one weekday, to MONDAY_TO_FRIDAY, SATURDAY_SUNDAY or HOLIDAY")
    ResponseEntity<Map<String, Object>> addRule(@PathVariable String code, @RequestBody HoursEditing.NewRule body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ids", editing.addRule(code, body)));
    }

    @DeleteMapping("/hours/rules/{id}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Remove a session")
    ResponseEntity<Void> deleteRule(@PathVariable String code, @PathVariable long id) {
        editing.deleteRule(code, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/hours/exceptions")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "One date differs: closed (no session), or open with the given session")
    ResponseEntity<Map<String, Long>> addException(@PathVariable String code,
            @RequestBody HoursEditing.NewException body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", editing.addException(code, body)));
    }

    @DeleteMapping("/hours/exceptions/{id}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Remove a single-date exception")
    ResponseEntity<Void> deleteException(@PathVariable String code, @PathVariable long id) {
        editing.deleteException(code, id);
        return ResponseEntity.noContent().build();
    }
}
