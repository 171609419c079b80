package org.linli.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.calendar.internal.HoursRepository;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;

/**
 * Opening hours of a center or one of its spaces: the weekday rules (an adjusted working day follows
 * Monday's, a public holiday the holiday rules), overridden by single-date exceptions. A space
 * without weekly rules of its own follows its center, and a day the whole center is closed closes
 * its spaces too.
 */
@Service
public class OpeningHours {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int LOOK_AHEAD_DAYS = 14;

    private final HoursRepository repository;
    private final OfficialCalendar calendar;
    private final Centers centers;

    OpeningHours(HoursRepository repository, OfficialCalendar calendar, Centers centers) {
        this.repository = repository;
        this.calendar = calendar;
        this.centers = centers;
    }

    /** {@code space} empty for the center itself; an unknown center or space is a 404. */
    public List<DaySchedule> schedule(String centerCode, String space, LocalDate from, int days) {
        centers.require(centerCode);
        String key = space == null ? "" : space;
        if (!key.isEmpty() && !repository.spaceKnown(centerCode, key)) {
            throw LinliException.notFound("SPACE_NOT_FOUND", key);
        }
        LocalDate to = from.plusDays(days - 1L);
        List<HoursRepository.Rule> own = repository.rules(centerCode, key);
        // a space without weekly rules of its own keeps its center's
        List<HoursRepository.Rule> effective = own.isEmpty() && !key.isEmpty() ? repository.rules(centerCode, "") : own;
        Map<String, List<Session>> rules = effective.stream()
                .collect(Collectors.groupingBy(HoursRepository.Rule::dayType,
                        Collectors.mapping(r -> new Session(r.session(), r.opens(), r.closes()), Collectors.toList())));
        Map<LocalDate, List<HoursRepository.Exception>> exceptions = repository.exceptions(centerCode, key, from, to)
                .stream().collect(Collectors.groupingBy(HoursRepository.Exception::day));
        if (!key.isEmpty()) {
            // the whole center closed (training, say) closes its spaces too
            repository.exceptions(centerCode, "", from, to).stream().filter(HoursRepository.Exception::closed)
                    .forEach(closed -> exceptions.put(closed.day(), List.of(closed)));
        }
        List<DaySchedule> schedule = new ArrayList<>();
        for (CalendarDay day : calendar.days(from, to).values()) {
            List<HoursRepository.Exception> changed = exceptions.get(day.date());
            if (changed != null) {
                List<Session> sessions = changed.stream().filter(e -> !e.closed())
                        .map(e -> new Session(e.session(), e.opens(), e.closes()))
                        .sorted(Comparator.comparing(Session::opens)).toList();
                boolean closedAllDay = changed.stream().anyMatch(HoursRepository.Exception::closed);
                schedule.add(new DaySchedule(day, closedAllDay ? List.of() : sessions, true, changed.getFirst().note()));
            } else {
                List<Session> sessions = rules.getOrDefault(dayType(day), List.of()).stream()
                        .sorted(Comparator.comparing(Session::opens)).toList();
                schedule.add(new DaySchedule(day, sessions, false, null));
            }
        }
        return schedule;
    }

    public Opening openingAt(String centerCode, String space, ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(ZONE);
        List<DaySchedule> days = schedule(centerCode, space, local.toLocalDate(), LOOK_AHEAD_DAYS + 1);
        DaySchedule today = days.getFirst();
        Session current = today.sessions().stream().filter(s -> s.contains(local.toLocalTime())).findFirst()
                .orElse(null);
        LocalDateTime now = local.toLocalDateTime();
        OffsetDateTime next = stretches(days).stream().filter(start -> start.isAfter(now)).findFirst()
                .map(start -> start.atZone(ZONE).toOffsetDateTime()).orElse(null);
        return new Opening(current != null, current == null ? null : current.kind(), today.day().dayKind(), next);
    }

    /** Starts of the stretches of opening: sessions that follow each other without a gap are one. */
    private static List<LocalDateTime> stretches(List<DaySchedule> days) {
        List<LocalDateTime> starts = new ArrayList<>();
        LocalDateTime previousEnd = null;
        for (DaySchedule day : days) {
            for (Session session : day.sessions()) {
                LocalDateTime start = day.day().date().atTime(session.opens());
                if (previousEnd == null || start.isAfter(previousEnd)) {
                    starts.add(start);
                }
                LocalDateTime end = day.day().date().atTime(session.closes());
                previousEnd = previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
            }
        }
        return starts;
    }

    static String dayType(CalendarDay day) {
        return switch (day.dayKind()) {
            case HOLIDAY -> "HOLIDAY";
            case ADJUSTED_WORKDAY -> "MONDAY";
            default -> day.date().getDayOfWeek().name();
        };
    }
}
