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
class Rosters implements org.linli.roster.DutyBoard {

    record Duty(long id, LocalDate date, String kind, OffsetDateTime startsAt, OffsetDateTime endsAt, int place,
            long accountId, String name, String skill) {

        int minutes() {
            return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
        }
    }

    record View(long id, String centerCode, String month, String status, int hardScore, long softScore, int revision,
            List<Duty> duties, Map<String, Integer> counts, List<RosterPlanner.Broken> broken, Long solveMillis) {

        View withCheck(List<RosterPlanner.Broken> found, Long millis) {
            return new View(id, centerCode, month, status, hardScore, softScore, revision, duties, counts, found,
                    millis);
        }

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
    private final RosterRules rules;

    Rosters(JdbcClient jdbc, Centers centers, AccountDirectory accounts, RosterPlanner planner,
            ApplicationEventPublisher events, RosterRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.centers = centers;
        this.accounts = accounts;
        this.planner = planner;
        this.events = events;
    }

    /** The center's staff as the solver sees them: days off (stated or approved leave), preferences, skills. */
    List<RosterStaff> staff(String centerCode, YearMonth month) {
        record Day(long accountId, LocalDate day, String strength) {
        }
        // a week either side, so "the evening before one's leave" sees leave early next month
        List<Day> days = jdbc.sql("""
                select account_id, day, strength from staff_unavailability
                 where center_code = ? and day between ? and ?
                union all
                select account_id, on_day, 'LEAVE' from leave_request
                 where center_code = ? and status = 'APPROVED' and on_day between ? and ?""")
                .params(centerCode, month.atDay(1), month.atEndOfMonth().plusDays(7), centerCode, month.atDay(1),
                        month.atEndOfMonth().plusDays(7))
                .query(Day.class).list();
        Map<Long, Set<String>> skills = new java.util.HashMap<>();
        jdbc.sql("select account_id, skill from staff_skill where center_code = ?").param(centerCode)
                .query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        List<RosterStaff> staff = new ArrayList<>();
        for (AccountDirectory.Contact c : accounts.staffAt(centerCode)) {
            Map<String, Set<LocalDate>> mine = new java.util.HashMap<>();
            days.stream().filter(d -> d.accountId() == c.accountId())
                    .forEach(d -> mine.computeIfAbsent(d.strength(), k -> new HashSet<>()).add(d.day()));
            staff.add(new RosterStaff(c.accountId(), c.displayName(), mine.getOrDefault("UNAVAILABLE", Set.of()),
                    mine.getOrDefault("PREFER_NOT", Set.of()), mine.getOrDefault("LEAVE", Set.of()),
                    skills.getOrDefault(c.accountId(), Set.of())));
        }
        return staff;
    }

    RosterPlanner.Problem problem(String centerCode, YearMonth month) {
        return new RosterPlanner.Problem(planner.shifts(centerCode, month), staff(centerCode, month),
                rules.skillRules(centerCode), rules.settings(centerCode).solverSettings());
    }

    /**
     * The stored roster as the solver sees it, to check a change by hand or a swap against every rule. A
     * person who is no longer staff at the center is kept (with what is known of them) so the check sees
     * the roster as it stands.
     */
    DutyRoster stored(View view) {
        YearMonth month = YearMonth.parse(view.month());
        Map<Long, RosterStaff> staff = new LinkedHashMap<>();
        staff(view.centerCode(), month).forEach(s -> staff.put(s.getAccountId(), s));
        Map<String, DutyShift> shifts = new LinkedHashMap<>();
        List<DutySlot> slots = new ArrayList<>();
        for (Duty d : view.duties()) {
            DutyShift shift = shifts.computeIfAbsent(d.date() + d.kind(), k -> new DutyShift(shifts.size() + 1,
                    d.date(), d.kind(), d.startsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalTime(),
                    d.endsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalTime(), 0));
            RosterStaff who = staff.computeIfAbsent(d.accountId(), id -> new RosterStaff(id, d.name(), Set.of()));
            slots.add(new DutySlot(d.id(), shift, d.place(), d.skill(), who));
        }
        return new DutyRoster(List.copyOf(staff.values()), List.copyOf(shifts.values()), slots,
                rules.settings(view.centerCode()).solverSettings());
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
        // published meanwhile (the solver took seconds): the published roster stays as it is
        long id = jdbc.sql("""
                insert into duty_roster (center_code, month, hard_score, soft_score) values (?, ?, ?, ?)
                on conflict (center_code, month) do update set hard_score = excluded.hard_score,
                       soft_score = excluded.soft_score, generated_at = now(), revision = duty_roster.revision + 1
                 where duty_roster.status = 'DRAFT'
                returning id""")
                .params(centerCode, month.atDay(1), plan.score().hardScore(), plan.score().softScore())
                .query(Long.class).optional()
                .orElseThrow(() -> LinliException.conflict("ROSTER_PUBLISHED", month.toString()));
        jdbc.sql("delete from duty_assignment where roster_id = ?").param(id).update();
        for (DutySlot slot : plan.roster().getSlots()) {
            DutyShift s = slot.getShift();
            jdbc.sql("""
                    insert into duty_assignment (roster_id, duty_date, kind, starts_at, ends_at, place, account_id, skill)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, s.getDay(), s.getKind(), s.getDay().atTime(s.getStarts()).atZone(RequestTimes.ZONE)
                            .toOffsetDateTime(), s.getDay().atTime(s.getEnds()).atZone(RequestTimes.ZONE)
                            .toOffsetDateTime(), slot.getPlace(), slot.getStaff().getAccountId(), slot.getSkill())
                    .update();
        }
        return view(centerCode, month).orElseThrow().withCheck(plan.broken(), plan.millis());
    }

    @Transactional
    View publish(String centerCode, YearMonth month, long admin) {
        long id = jdbc.sql("select id from duty_roster where center_code = ? and month = ? for update")
                .params(centerCode, month.atDay(1)).query(Long.class).optional()
                .orElseThrow(() -> LinliException.notFound("ROSTER_NOT_FOUND", month.toString()));
        View draft = view(centerCode, month).orElseThrow();
        if (!draft.feasible()) {
            throw LinliException.conflict("ROSTER_INFEASIBLE", month.toString());
        }
        if (draft.published()) {
            throw LinliException.conflict("ROSTER_PUBLISHED", month.toString());
        }
        jdbc.sql("update duty_roster set status = 'PUBLISHED', published_at = now() where id = ?").param(id).update();
        jdbc.sql("insert into duty_roster_change (roster_id, revision, changed_by, via) values (?, ?, ?, 'PUBLISH')")
                .params(id, draft.revision(), admin).update();
        events.publishEvent(new RosterPublished(id, centerCode, month.toString(), draft.duties().stream()
                .map(Duty::accountId).distinct().toList()));
        return view(centerCode, month).orElseThrow();
    }

    /**
     * The view checked against the rules as they stand now, with every hard rule it breaks named (a draft
     * changed by hand, or someone who stated a day off or got leave after publishing).
     */
    View withBroken(View view) {
        if (view.duties().isEmpty()) {
            return view;
        }
        RosterPlanner.Check check = planner.check(stored(view));
        return new View(view.id(), view.centerCode(), view.month(), view.status(), check.score().hardScore(),
                check.score().softScore(), view.revision(), view.duties(), view.counts(), check.broken(),
                view.solveMillis());
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
                            select id, duty_date, kind, starts_at, ends_at, place, account_id, skill from duty_assignment
                             where roster_id = ? order by starts_at, place""").param(h.id())
                            .query((rs, n) -> new Duty(rs.getLong(1), rs.getObject(2, LocalDate.class),
                                    rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                                    rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getLong(7),
                                    names.getOrDefault(rs.getLong(7), "—"), rs.getString(8)))
                            .list();
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    names.values().forEach(n -> counts.put(n, 0));
                    duties.forEach(d -> counts.merge(d.name(), 1, Integer::sum));
                    return new View(h.id(), centerCode, month.toString(), h.status(), h.hardScore(), h.softScore(),
                            h.revision(), duties, counts, List.of(), null);
                });
    }

    @Override
    public List<OnDuty> onDuty(String centerCode, LocalDate day) {
        record Row(String kind, OffsetDateTime startsAt, OffsetDateTime endsAt, long accountId) {
        }
        List<Row> rows = jdbc.sql("""
                select a.kind, a.starts_at, a.ends_at, a.account_id from duty_assignment a
                  join duty_roster r on r.id = a.roster_id
                 where r.center_code = ? and r.status = 'PUBLISHED' and a.duty_date = ? order by a.starts_at, a.place""")
                .params(centerCode, day).query(Row.class).list();
        Map<Long, AccountDirectory.Contact> names = accounts.contacts(rows.stream().map(Row::accountId).toList());
        Map<String, OnDuty> shifts = new LinkedHashMap<>();
        for (Row r : rows) {
            shifts.computeIfAbsent(r.kind(), k -> new OnDuty(k, r.startsAt().atZoneSameInstant(RequestTimes.ZONE)
                    .toLocalTime(), r.endsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalTime(), new ArrayList<>()))
                    .names().add(names.containsKey(r.accountId()) ? names.get(r.accountId()).displayName() : "—");
        }
        return List.copyOf(shifts.values());
    }

    /** My published duties from today on. */
    List<Duty> mine(long accountId) {
        return jdbc.sql("""
                select a.id, a.duty_date, a.kind, a.starts_at, a.ends_at, a.place, a.account_id, r.center_code as name,
                       a.skill
                  from duty_assignment a join duty_roster r on r.id = a.roster_id
                 where a.account_id = ? and r.status = 'PUBLISHED' and a.ends_at > now() order by a.starts_at""")
                .param(accountId).query((rs, n) -> new Duty(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9))).list();
    }

    /** A day I cannot work (hard) or would rather not (a preference the solver respects where it can). */
    @Transactional
    void unavailable(String centerCode, long accountId, LocalDate day, String reason, boolean preferenceOnly) {
        if (day.isBefore(LocalDate.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("date", "DATE_IN_PAST");
        }
        jdbc.sql("""
                insert into staff_unavailability (center_code, account_id, day, reason, strength) values (?, ?, ?, ?, ?)
                on conflict (center_code, account_id, day) do update set reason = excluded.reason,
                       strength = excluded.strength""")
                .params(centerCode, accountId, day, PlainText.check("reason", reason, 100),
                        preferenceOnly ? "PREFER_NOT" : "UNAVAILABLE").update();
    }

    @Transactional
    void available(String centerCode, long accountId, LocalDate day) {
        jdbc.sql("delete from staff_unavailability where center_code = ? and account_id = ? and day = ?")
                .params(centerCode, accountId, day).update();
    }

    record DayOff(LocalDate day, String reason, String strength) {
    }

    List<DayOff> daysOff(String centerCode, long accountId) {
        return jdbc.sql("""
                select day, reason, strength from staff_unavailability
                 where center_code = ? and account_id = ? and day >= current_date order by day""")
                .params(centerCode, accountId).query(DayOff.class).list();
    }
}
