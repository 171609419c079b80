package org.linli.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.platform.LinliException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The official calendar. Holidays and adjusted working days come from the database, imported per
 * year; a year that is not imported follows the Monday–Friday rule and its days are provisional.
 */
@Service
public class OfficialCalendar {

    private final JdbcClient jdbc;

    OfficialCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CalendarDay day(LocalDate date) {
        return days(date, date).get(date);
    }

    /** Every day from {@code from} to {@code to} inclusive, in two queries. */
    public Map<LocalDate, CalendarDay> days(LocalDate from, LocalDate to) {
        Set<Integer> known = Set.copyOf(jdbc.sql("select year from calendar_year where year between ? and ?")
                .params(from.getYear(), to.getYear()).query(Integer.class).list());
        Map<LocalDate, String[]> official = new ConcurrentHashMap<>();
        jdbc.sql("select day, kind, name from official_day where day between ? and ?").params(from, to)
                .query(rs -> {
                    official.put(rs.getObject(1, LocalDate.class), new String[] {rs.getString(2), rs.getString(3)});
                });
        Map<LocalDate, CalendarDay> days = new java.util.TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            String[] entry = official.get(d);
            DayKind kind;
            String name = null;
            if (entry != null && entry[0].equals("HOLIDAY")) {
                kind = DayKind.HOLIDAY;
                name = entry[1];
            } else if (entry != null) {
                kind = weekend ? DayKind.ADJUSTED_WORKDAY : DayKind.WORKDAY;
                name = weekend ? entry[1] : null;
            } else {
                kind = weekend ? DayKind.WEEKEND : DayKind.WORKDAY;
            }
            days.put(d, new CalendarDay(d, kind, name, !known.contains(d.getYear())));
        }
        return days;
    }

    /**
     * The {@code add}-th working day after {@code from} (whatever kind of day {@code from} is); 0 gives
     * {@code from} itself. Provisional when any day counted lies in a year the calendar does not know.
     */
    public CalendarDay addWorkingDays(LocalDate from, int add) {
        if (add < 0 || add > 3_650) {
            throw LinliException.invalidField("add", "WORKING_DAYS_RANGE");
        }
        LocalDate end = from.plusDays(add * 3L + 30);
        Map<LocalDate, CalendarDay> days = days(from, end);
        boolean provisional = days.get(from).provisional();
        LocalDate d = from;
        int counted = 0;
        while (counted < add) {
            d = d.plusDays(1);
            CalendarDay day = days.get(d);
            if (day == null) {
                days = days(d, d.plusDays(add * 3L + 30));
                day = days.get(d);
            }
            provisional |= day.provisional();
            if (day.dayKind().working()) {
                counted++;
            }
        }
        CalendarDay result = days.containsKey(d) ? days.get(d) : day(d);
        return new CalendarDay(result.date(), result.dayKind(), result.holidayName(), provisional);
    }
}
