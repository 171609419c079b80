package org.linli.roster.internal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.roster.RosterChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing who does a duty. On a draft the admin may change anything and sees every rule the roster
 * then breaks; on a published roster a change is a re-publish (or a swap): it is refused when it would
 * break a hard rule (naming the rule), is recorded in the roster's history with a new revision, and
 * the people whose duties moved are told. Changes to one roster are serialised on its row.
 */
@Service
class RosterChanges {

    record History(long id, int revision, OffsetDateTime changedAt, long changedBy, String via,
            java.time.LocalDate dutyDate, String kind, Long fromAccount, Long toAccount, String reason) {
    }

    private final JdbcClient jdbc;
    private final Rosters rosters;
    private final RosterPlanner planner;
    private final RosterRules rules;
    private final ApplicationEventPublisher events;

    RosterChanges(JdbcClient jdbc, Rosters rosters, RosterPlanner planner, RosterRules rules,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.planner = planner;
        this.rules = rules;
        this.events = events;
    }

    /** The admin gives a duty to someone else (on a published roster: re-publishes, with a reason). */
    @Transactional
    Rosters.View adjust(String centerCode, YearMonth month, long dutyId, long accountId, String reason, long admin) {
        Rosters.View view = lock(centerCode, month);
        Rosters.Duty duty = duty(view, dutyId);
        rules.requireStaff(centerCode, accountId);
        String why = PlainText.check("reason", reason, 200);
        if (view.published() && why == null) {
            throw LinliException.invalidField("reason", "ROSTER_CHANGE_REASON_REQUIRED");
        }
        if (duty.accountId() == accountId) {
            return rosters.withBroken(view);
        }
        RosterPlanner.Check check = apply(view, Map.of(dutyId, accountId), admin, view.published() ? "REPUBLISH" : null,
                why);
        return rosters.view(centerCode, month).orElseThrow().withCheck(check.broken(), null);
    }

    /** Locks the month's roster for a change and reads it. */
    Rosters.View lock(String centerCode, YearMonth month) {
        jdbc.sql("select id from duty_roster where center_code = ? and month = ? for update")
                .params(centerCode, month.atDay(1)).query(Long.class).optional()
                .orElseThrow(() -> LinliException.notFound("ROSTER_NOT_FOUND", month.toString()));
        return rosters.view(centerCode, month).orElseThrow();
    }

    static Rosters.Duty duty(Rosters.View view, long dutyId) {
        Rosters.Duty duty = view.duties().stream().filter(d -> d.id() == dutyId).findFirst()
                .orElseThrow(() -> LinliException.notFound("DUTY_NOT_FOUND", dutyId));
        if (duty.startsAt().isBefore(OffsetDateTime.now())) {
            throw LinliException.conflict("DUTY_PAST", duty.date());
        }
        return duty;
    }

    /**
     * Gives each duty (by id) to the account beside it, checked against every rule. With {@code via}
     * (the roster is published) a hard rule broken on a changed duty refuses the change; otherwise (a
     * draft) the change stands and the answer lists what it breaks.
     */
    RosterPlanner.Check apply(Rosters.View view, Map<Long, Long> changes, long actor, String via, String reason) {
        DutyRoster roster = rosters.stored(view);
        Map<Long, RosterStaff> staff = new java.util.HashMap<>();
        roster.getStaff().forEach(s -> staff.put(s.getAccountId(), s));
        for (DutySlot slot : roster.getSlots()) {
            Long to = changes.get(slot.getId());
            if (to != null) {
                slot.setStaff(staff.computeIfAbsent(to, id -> new RosterStaff(id, "#" + id, Set.of())));
            }
        }
        RosterPlanner.Check check = planner.check(roster);
        if (via != null) {
            check.broken().stream().filter(b -> changes.containsKey(b.slotId())).findFirst().ifPresent(b -> {
                throw LinliException.conflict(b.code(), b.shift().getDay(), b.staffName());
            });
        }
        Set<Long> told = new LinkedHashSet<>();
        int revision = view.revision() + (via == null ? 0 : 1);
        for (Map.Entry<Long, Long> change : changes.entrySet()) {
            Rosters.Duty before = view.duties().stream().filter(d -> d.id() == change.getKey()).findFirst()
                    .orElseThrow();
            jdbc.sql("update duty_assignment set account_id = ? where id = ?").params(change.getValue(), before.id())
                    .update();
            if (via != null) {
                jdbc.sql("""
                        insert into duty_roster_change (roster_id, revision, changed_by, via, duty_date, kind,
                                                        from_account, to_account, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(view.id(), revision, actor, via, before.date(), before.kind(), before.accountId(),
                                change.getValue(), reason).update();
                told.add(before.accountId());
                told.add(change.getValue());
            }
        }
        jdbc.sql("update duty_roster set hard_score = ?, soft_score = ?, revision = ? where id = ?")
                .params(check.score().hardScore(), check.score().softScore(), revision, view.id()).update();
        if (via != null) {
            events.publishEvent(new RosterChanged(view.id(), view.centerCode(), view.month(), revision, via,
                    List.copyOf(told)));
        }
        return check;
    }

    List<History> history(String centerCode, YearMonth month) {
        return jdbc.sql("""
                select c.id, c.revision, c.changed_at, c.changed_by, c.via, c.duty_date, c.kind, c.from_account,
                       c.to_account, c.reason
                  from duty_roster_change c join duty_roster r on r.id = c.roster_id
                 where r.center_code = ? and r.month = ? order by c.id desc""")
                .params(centerCode, month.atDay(1)).query(History.class).list();
    }
}
