package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.OpeningHours;
import org.linli.centers.Center;
import org.linli.centers.CenterPageSection;
import org.springframework.stereotype.Component;

/** On a center's page: open now or not, the session, the next opening, and the week with holidays marked. */
@Component
class HoursSection implements CenterPageSection {

    private final OpeningHours hours;
    private final HoursRepository repository;

    HoursSection(OpeningHours hours, HoursRepository repository) {
        this.hours = hours;
        this.repository = repository;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "calendar/hours-section";
    }

    @Override
    public Map<String, Object> model(Center center, Locale locale) {
        String code = center.code().value();
        ZonedDateTime now = ZonedDateTime.now(OpeningHours.ZONE);
        Map<String, Object> model = new LinkedHashMap<>();
        List<DaySchedule> week = hours.schedule(code, "", LocalDate.now(OpeningHours.ZONE), 7);
        model.put("week", week);
        model.put("published", week.stream().anyMatch(d -> !d.closed()) || !repository.rules(code, "").isEmpty());
        model.put("opening", hours.openingAt(code, "", now));
        model.put("today", now.toLocalDate());
        model.put("spaces", repository.spaces(code).stream()
                .map(space -> Map.of("code", space, "opening", hours.openingAt(code, space, now),
                        "week", hours.schedule(code, space, now.toLocalDate(), 7)))
                .toList());
        return model;
    }
}
