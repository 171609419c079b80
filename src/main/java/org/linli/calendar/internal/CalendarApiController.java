package org.linli.calendar.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.linli.calendar.CalendarDay;
import org.linli.calendar.OfficialCalendar;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar", description = "The official calendar: holidays, adjusted working days, working-day arithmetic")
class CalendarApiController {

    private final OfficialCalendar calendar;
    private final CalendarImport calendarImport;

    CalendarApiController(OfficialCalendar calendar, CalendarImport calendarImport) {
        this.calendar = calendar;
        this.calendarImport = calendarImport;
    }

    record DayView(String date, String dayKind, String holidayName, boolean provisional) {
        static DayView of(CalendarDay day) {
            return new DayView(day.date().toString(), day.dayKind().name(), day.holidayName(), day.provisional());
        }
    }

    record WorkingDay(String date, boolean provisional) {
    }

    @GetMapping("/api/v1/calendar/{date}")
    @Public
    @Operation(summary = "What kind of day a date is (the official calendar wins over the weekday)")
    DayView day(@PathVariable String date) {
        return DayView.of(calendar.day(Times.date("date", date)));
    }

    @GetMapping("/api/v1/calendar/working-days")
    @Public
    @Operation(summary = "The add-th working day after from; provisional beyond the known years")
    WorkingDay workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String add) {
        int days;
        try {
            days = Integer.parseInt(add == null ? "" : add.trim());
        } catch (NumberFormatException e) {
            throw LinliException.invalidField("add", "WORKING_DAYS_RANGE");
        }
        CalendarDay day = calendar.addWorkingDays(Times.date("from", from), days);
        return new WorkingDay(day.date().toString(), day.provisional());
    }

    @PostMapping("/api/v1/calendar/import") // no consumes: the caller's right is checked before the body's type
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Import official holidays and adjusted working days (CSV: date,kind,name); all or nothing")
    Map<String, Object> importCsv(@RequestBody String csv) {
        CalendarImport.Result result = calendarImport.importCsv(csv, "import by district admin");
        if (!result.ok()) {
            CalendarImport.Problem first = result.problems().getFirst();
            throw LinliException.invalidField("line " + first.line(), first.code(), first.line());
        }
        return Map.of("years", List.copyOf(result.years()), "days", result.days());
    }

}
