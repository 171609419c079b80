package org.linli.roster.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.roster.RosterPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Generating (a draft), publishing and reading a center's monthly duty roster; staff state unavailability. */
@Service
class Rosters {

    record Duty(LocalDate date, String kind, OffsetDateTime startsAt, OffsetDateTime endsAt, int place,
            long accountId, String name) {
    }

    record View(String centerCode, String month, String status, int hardScore, long softScore, int revision,
            List<Duty> duties, Map<String, Integer> counts, List<RosterPlanner.Broken> broken, Long solveMillis) {

        public boolean feasible() {
            return hardScore >= 0;
        }

        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final RosterPlanner planner;
    private final ApplicationEventPublisher events;

    Rosters(JdbcClient jdbc, Centers centers, AccountDirectory accounts, RosterPlanner planner,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.accounts = accounts;
        this.planner = planner;
        this.events = events;
    }

    RosterPlanner.Problem problem(String centerCode, YearMonth month) {
        List<RosterStaff> staff = new ArrayList<>();
        for (AccountDirectory.Contact c : accounts.staffAt(centerCode)) {
            Set<LocalDate> off = new HashSet<>(jdbc.sql("""
                    select day from staff_unavailability where center_code = ? and account_id = ? and day between ? and ?""")
                    .params(centerCode, c.accountId(), month.atDay(1), month.atEndOfMonth()).query(LocalDate.class)
                    .list());
            staff.add(new RosterStaff(c.accountId(), c.displayName(), off));
        }
        return new RosterPlanner.Problem(planner.shifts(centerCode, month), staff);
    }

    /** Solves the month and keeps it as the center's draft; a published month is changed only by re-publishing. */
    @Transactional
    View generate(String centerCode, YearMonth month) {
        centers.require(centerCode);
        String status = jdbc.sql("select status from duty_roster where center_code = ? and month = ?")
                .params(centerCode, month.atDay(1)).query(String.class).optional().orElse(null);
        if ("PUBLISHED".equals(status)) {
            throw LinliException.conflict("ROSTER_PUBLISHED", month.toString());
        }
        RosterPlanner.Problem problem = problem(centerCode, month);
        if (problem.staff().isEmpty()) {
            throw LinliException.conflict("ROSTER_NO_STAFF");
        }
        if (problem.shifts().isEmpty()) {
            throw LinliException.conflict("ROSTER_NO_SHIFTS", month.toString());
        }
        RosterPlanner.Plan plan = planner.solve(problem);
        long id = jdbc.sql("""
                insert into duty_roster (center_code, month, hard_score, soft_score) values (?, ?, ?, ?)
                on conflict (center_code, month) do update set hard_score = excluded.hard_score,
                       soft_score = excluded.soft_score, generated_at = now(), revision = duty_roster.revision + 1
                returning id""")
                .params(centerCode, month.atDay(1), plan.score().hardScore(), plan.score().softScore())
                .query(Long.class).single();
        jdbc.sql("delete from duty_assignment where roster_id = ?").param(id).update();
        for (DutySlot slot : plan.roster().getSlots()) {
            DutyShift s = slot.getShift();
            jdbc.sql("""
                    insert into duty_assignment (roster_id, duty_date, kind, starts_at, ends_at, place, account_id)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, s.getDay(), s.getKind(), s.getDay().atTime(s.getStarts()).atZone(RequestTimes.ZONE)
                            .toOffsetDateTime(), s.getDay().atTime(s.getEnds()).atZone(RequestTimes.ZONE)
                            .toOffsetDateTime(), slot.getPlace(), slot.getStaff().getAccountId())
                    .update();
        }
        View view = view(centerCode, month).orElseThrow();
        return new View(view.centerCode(), view.month(), view.status(), view.hardScore(), view.softScore(),
                view.revision(), view.duties(), view.counts(), plan.broken(), plan.millis());
    }

    @Transactional
    View publish(String centerCode, YearMonth month) {
        long id = jdbc.sql("select id from duty_roster where center_code = ? and month = ? for update")
                .params(centerCode, month.atDay(1)).query(Long.class).optional()
                .orElseThrow(() -> LinliException.notFound("ROSTER_NOT_FOUND", month.toString()));
        View draft = view(centerCode, month).orElseThrow();
        if (!draft.feasible()) {
            throw LinliException.conflict("ROSTER_INFEASIBLE", month.toString());
        }
        jdbc.sql("update duty_roster set status = 'PUBLISHED', published_at = now() where id = ?").param(id).update();
        events.publishEvent(new RosterPublished(id, centerCode, month.toString(), draft.duties().stream()
                .map(Duty::accountId).distinct().toList()));
        return view(centerCode, month).orElseThrow();
    }

    java.util.Optional<View> view(String centerCode, YearMonth month) {
        record Head(long id, String status, int hardScore, long softScore, int revision) {
        }
        return jdbc.sql("""
                select id, status, hard_score, soft_score, revision from duty_roster where center_code = ? and month = ?""")
                .params(centerCode, month.atDay(1)).query(Head.class).optional().map(h -> {
                    var names = new LinkedHashMap<Long, String>();
                    accounts.staffAt(centerCode).forEach(c -> names.put(c.accountId(), c.displayName()));
                    List<Duty> duties = jdbc.sql("""
                            select duty_date, kind, starts_at, ends_at, place, account_id from duty_assignment
                             where roster_id = ? order by starts_at, place""").param(h.id())
                            .query((rs, n) -> new Duty(rs.getObject(1, LocalDate.class), rs.getString(2),
                                    rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                                    rs.getInt(5), rs.getLong(6), names.getOrDefault(rs.getLong(6), "—")))
                            .list();
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    names.values().forEach(n -> counts.put(n, 0));
                    duties.forEach(d -> counts.merge(d.name(), 1, Integer::sum));
                    return new View(centerCode, month.toString(), h.status(), h.hardScore(), h.softScore(),
                            h.revision(), duties, counts, List.of(), null);
                });
    }

    /** My published duties from today on. */
    List<Duty> mine(long accountId) {
        return jdbc.sql("""
                select a.duty_date, a.kind, a.starts_at, a.ends_at, a.place, a.account_id, r.center_code as name
                  from duty_assignment a join duty_roster r on r.id = a.roster_id
                 where a.account_id = ? and r.status = 'PUBLISHED' and a.ends_at > now() order by a.starts_at""")
                .param(accountId).query((rs, n) -> new Duty(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getInt(5),
                        rs.getLong(6), rs.getString(7))).list();
    }

    @Transactional
    void unavailable(String centerCode, long accountId, LocalDate day, String reason) {
        if (day.isBefore(LocalDate.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("date", "DATE_IN_PAST");
        }
        jdbc.sql("""
                insert into staff_unavailability (center_code, account_id, day, reason) values (?, ?, ?, ?)
                on conflict (center_code, account_id, day) do update set reason = excluded.reason""")
                .params(centerCode, accountId, day, PlainText.check("reason", reason, 100)).update();
    }
}
