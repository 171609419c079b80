package org.linli.dashboard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The figures of a scope (one or more centers) over a period, read from the dashboard's own tables. */
@Service
class Dashboards {

    /** One figure broken down by a dimension (labels are codes; the page names them). */
    record Breakdown(String metric, Map<String, Long> values) {

        long total() {
            return values.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Figures(LocalDate from, LocalDate to, long activities, long attendance, long applicationsReceived,
            long applicationsCompleted, BigDecimal onTimeRate, long appointments, BigDecimal extendedShare,
            long studyVisits, long activeVolunteers, BigDecimal volunteerHours, long homeVisits, long pointsRedeemed,
            long ratings, BigDecimal averageRating, long recruitments, long recruitmentsFilled, BigDecimal fillRate,
            BigDecimal hoursToFill, long pointsEarned, Map<String, Breakdown> breakdowns, Map<String, Long> attendanceByMonth, Map<String, Long> studyByDay) {
    }

    private final JdbcClient jdbc;

    Dashboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<String, Long> byDim(List<String> centers, LocalDate from, LocalDate to, String metric) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                select dim, sum(value) from dash_fact
                 where metric = :m and center_code in (:c) and day between :f and :t
                 group by dim order by sum(value) desc, dim""")
                .param("m", metric).param("c", centers).param("f", from).param("t", to)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    Figures figures(List<String> centers, LocalDate from, LocalDate to) {
        if (centers.isEmpty()) {
            centers = List.of("");
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql("""
                select metric, sum(value) from dash_fact where center_code in (:c) and day between :f and :t
                 group by metric""").param("c", centers).param("f", from).param("t", to)
                .query((rs, n) -> totals.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
        for (String metric : List.of(FactMapper.RECEIVED, FactMapper.CHANNEL, FactMapper.COMPLETED,
                FactMapper.APPOINTMENTS, FactMapper.HOME, FactMapper.REDEEMED, FactMapper.RATINGS)) {
            breakdowns.put(metric, new Breakdown(metric, byDim(centers, from, to, metric)));
        }
        long active = jdbc.sql("""
                select count(*) from (select dim from dash_fact
                 where metric = :m and center_code in (:c) and day between :f and :t group by dim having sum(value) > 0) x""")
                .param("m", FactMapper.VOLUNTEER).param("c", centers).param("f", from).param("t", to)
                .query(Long.class).single();
        Map<String, Long> byMonth = new LinkedHashMap<>();
        jdbc.sql("""
                select to_char(day, 'YYYY-MM'), sum(value) from dash_fact
                 where metric = :m and center_code in (:c) and day between :f and :t group by 1 order by 1""")
                .param("m", FactMapper.ATTENDANCE).param("c", centers).param("f", from).param("t", to)
                .query((rs, n) -> byMonth.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> studyByDay = new LinkedHashMap<>();
        jdbc.sql("""
                select day, sum(value) from dash_fact
                 where metric = :m and center_code in (:c) and day between :f and :t group by day order by day""")
                .param("m", FactMapper.STUDY).param("c", centers).param("f", from).param("t", to)
                .query((rs, n) -> studyByDay.put(rs.getObject(1, LocalDate.class).toString(), rs.getLong(2))).list();
        long recruitments = totals.getOrDefault(FactMapper.RECRUITMENTS, 0L);
        long filled = totals.getOrDefault(FactMapper.FILLED, 0L);
        Breakdown completed = breakdowns.get(FactMapper.COMPLETED);
        Breakdown appointments = breakdowns.get(FactMapper.APPOINTMENTS);
        return new Figures(from, to, totals.getOrDefault(FactMapper.ACTIVITIES, 0L),
                totals.getOrDefault(FactMapper.ATTENDANCE, 0L), totals.getOrDefault(FactMapper.RECEIVED, 0L),
                completed.total(), share(completed.values().getOrDefault("ON_TIME", 0L), completed.total()),
                appointments.total(), share(appointments.values().getOrDefault("EXTENDED", 0L), appointments.total()),
                totals.getOrDefault(FactMapper.STUDY, 0L), active,
                BigDecimal.valueOf(totals.getOrDefault(FactMapper.VOLUNTEER, 0L)).divide(BigDecimal.valueOf(60), 1,
                        RoundingMode.HALF_UP),
                totals.getOrDefault(FactMapper.HOME, 0L), totals.getOrDefault(FactMapper.REDEEMED, 0L),
                breakdowns.get(FactMapper.RATINGS).total(), average(breakdowns.get(FactMapper.RATINGS).values()),
                recruitments, filled, share(filled, recruitments),
                filled == 0 ? null : BigDecimal.valueOf(totals.getOrDefault(FactMapper.FILL_MINUTES, 0L))
                        .divide(BigDecimal.valueOf(filled * 60), 1, RoundingMode.HALF_UP),
                totals.getOrDefault(FactMapper.EARNED, 0L), breakdowns,
                byMonth, studyByDay);
    }

    /** The average of stars counted by their value, one decimal; null without ratings. */
    static BigDecimal average(Map<String, Long> stars) {
        long n = stars.values().stream().mapToLong(Long::longValue).sum();
        long sum = stars.entrySet().stream().mapToLong(e -> Long.parseLong(e.getKey()) * e.getValue()).sum();
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    /** A percentage with one decimal, or null when there is nothing to divide. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    /** The same figures for each center, side by side. */
    Map<String, Figures> compare(List<String> centers, LocalDate from, LocalDate to) {
        Map<String, Figures> out = new LinkedHashMap<>();
        centers.forEach(c -> out.put(c, figures(List.of(c), from, to)));
        return out;
    }

    /** The scope's headline figures month by month. */
    Map<String, Figures> monthly(List<String> centers, YearMonth first, YearMonth last) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.put(m.toString(), figures(centers, m.atDay(1), m.atEndOfMonth()));
        }
        return out;
    }
}
