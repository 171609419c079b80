package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the official calendar from CSV ({@code date,kind,name}; kind {@code holiday} or {@code workday}).
 * Every row is checked first; one bad row refuses the whole file with the line named. The years in the
 * file replace what was known about them, in one transaction.
 */
@Service
public class CalendarImport {

    private final JdbcClient jdbc;

    CalendarImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Problem(int line, String code) {
    }

    public record Result(Set<Integer> years, int days, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Row(LocalDate day, String kind, String name) {
    }

    /** Every year's notice has about 30 days; fewer than this is a spill-over, not the year's calendar. */
    static final int MIN_DAYS_FOR_A_YEAR = 5;

    @Transactional
    public Result importCsv(String csv, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\\r?\\n");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase("date,kind,name")) {
            problems.add(new Problem(1, "CALENDAR_CSV_HEADER"));
            return new Result(Set.of(), 0, problems);
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",", 3);
            if (parts.length != 3) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_COLUMNS"));
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(parts[0].trim());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_DATE"));
                continue;
            }
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_DATE"));
                continue;
            }
            String kind = parts[1].trim().toLowerCase();
            if (!kind.equals("holiday") && !kind.equals("workday")) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_KIND"));
                continue;
            }
            String name = parts[2].trim();
            if (name.isEmpty() || name.length() > 40) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_NAME"));
                continue;
            }
            if (!seen.add(day)) {
                problems.add(new Problem(i + 1, "CALENDAR_CSV_DUPLICATE"));
                continue;
            }
            rows.add(new Row(day, kind.equals("holiday") ? "HOLIDAY" : "WORKDAY", name));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, "CALENDAR_CSV_EMPTY"));
        }
        if (!problems.isEmpty()) {
            return new Result(Set.of(), 0, problems);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-calendar'))").query().singleRow();
        java.util.Map<Integer, Long> perYear = new java.util.TreeMap<>();
        rows.forEach(r -> perYear.merge(r.day().getYear(), 1L, Long::sum));
        // A notice spills a day or two into a neighbouring year (2022-12-31 in the 2023 notice): such a
        // year gets those days, but is neither wiped nor marked as fully known.
        Set<Integer> years = new TreeSet<>();
        perYear.forEach((year, count) -> {
            if (count >= MIN_DAYS_FOR_A_YEAR) {
                years.add(year);
            }
        });
        for (int year : years) {
            jdbc.sql("delete from official_day where extract(year from day) = ?").param(year).update();
            jdbc.sql("""
                    insert into calendar_year (year, source) values (?, ?)
                    on conflict (year) do update set source = excluded.source, imported_at = now()
                    """).params(year, source).update();
        }
        for (Row row : rows) {
            jdbc.sql("""
                    insert into official_day (day, kind, name) values (?, ?, ?)
                    on conflict (day) do update set kind = excluded.kind, name = excluded.name
                    """).params(row.day(), row.kind(), row.name()).update();
        }
        return new Result(years, rows.size(), List.of());
    }

    public boolean empty() {
        return jdbc.sql("select count(*) from calendar_year").query(Long.class).single() == 0;
    }
}
