package org.linli.roster.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.roster.DutySwapRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 换班. A staff member asks a colleague to take one of their published duties, or to exchange it for
 * one of the colleague's in the same month. The colleague accepts or declines; an accepted swap takes
 * effect when the admin approves it, or at once when the center approves swaps automatically. Each
 * step checks the swap against the hard rules on the roster as it then stands (the roster row is
 * locked), so two swaps that are each fine alone cannot together break a rule.
 */
@Service
class DutySwaps {

    record Swap(long id, String centerCode, long assignmentId, LocalDate dutyDate, String kind, long requesterId,
            String requesterName, long colleagueId, String colleagueName, Long colleagueAssignment,
            LocalDate colleagueDate, String colleagueKind, String status, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final RosterChanges changes;
    private final RosterRules rules;
    private final Rosters rosters;
    private final RosterPlanner planner;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;

    DutySwaps(JdbcClient jdbc, RosterChanges changes, RosterRules rules, Rosters rosters, RosterPlanner planner,
            AccountDirectory accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.rules = rules;
        this.rosters = rosters;
        this.planner = planner;
        this.accounts = accounts;
        this.events = events;
    }

    private record Target(long rosterId, YearMonth month, String status, long accountId) {
    }

    private Target target(String centerCode, long dutyId) {
        return jdbc.sql("""
                select r.id, r.month, r.status, a.account_id from duty_assignment a
                  join duty_roster r on r.id = a.roster_id where a.id = ? and r.center_code = ?""")
                .params(dutyId, centerCode)
                .query((rs, n) -> new Target(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getString(3), rs.getLong(4)))
                .optional().filter(t -> "PUBLISHED".equals(t.status()))
                .orElseThrow(() -> LinliException.notFound("DUTY_NOT_FOUND", dutyId));
    }

    @Transactional
    Swap request(String centerCode, long requester, long dutyId, long colleague, Long colleagueDutyId) {
        Target mine = target(centerCode, dutyId);
        if (mine.accountId() != requester) {
            throw LinliException.forbidden("SWAP_NOT_YOUR_DUTY");
        }
        rules.requireStaff(centerCode, colleague);
        if (colleague == requester) {
            throw LinliException.invalidField("colleagueId", "SWAP_WITH_SELF");
        }
        Rosters.View view = changes.lock(centerCode, mine.month());
        RosterChanges.duty(view, dutyId);
        if (colleagueDutyId != null) {
            Target theirs = target(centerCode, colleagueDutyId);
            if (theirs.rosterId() != mine.rosterId()) {
                throw LinliException.invalidField("colleagueDutyId", "SWAP_OTHER_MONTH");
            }
            if (theirs.accountId() != colleague) {
                throw LinliException.invalidField("colleagueDutyId", "SWAP_NOT_COLLEAGUES_DUTY");
            }
            RosterChanges.duty(view, colleagueDutyId);
        }
        check(view, dutyId, requester, colleague, colleagueDutyId);
        long id;
        try {
            id = jdbc.sql("""
                    insert into duty_swap (center_code, roster_id, assignment_id, requester_id, colleague_id,
                                           colleague_assignment)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(centerCode, mine.rosterId(), dutyId, requester, colleague, colleagueDutyId)
                    .query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException open) {
            throw LinliException.conflict("SWAP_OPEN");
        }
        Swap swap = find(centerCode, id);
        events.publishEvent(new DutySwapRequested(id, centerCode, colleague, swap.dutyDate(), swap.kind()));
        return swap;
    }

    /** The swap as a change set, checked without writing anything: refused naming the first hard rule it breaks. */
    private void check(Rosters.View view, long dutyId, long requester, long colleague, Long colleagueDutyId) {
        DutyRoster roster = changesApplied(view, dutyId, requester, colleague, colleagueDutyId);
        RosterPlanner.Check check = planner.check(roster);
        check.broken().stream().filter(b -> b.slotId() == dutyId || Long.valueOf(b.slotId()).equals(colleagueDutyId))
                .findFirst().ifPresent(b -> {
                    throw LinliException.conflict(b.code(), b.shift().getDay(), b.staffName());
                });
    }

    private DutyRoster changesApplied(Rosters.View view, long dutyId, long requester, long colleague,
            Long colleagueDutyId) {
        DutyRoster roster = rosters.stored(view);
        Map<Long, RosterStaff> staff = new HashMap<>();
        roster.getStaff().forEach(s -> staff.put(s.getAccountId(), s));
        for (DutySlot slot : roster.getSlots()) {
            if (slot.getId() == dutyId) {
                slot.setStaff(staff.get(colleague));
            } else if (colleagueDutyId != null && slot.getId() == colleagueDutyId) {
                slot.setStaff(staff.get(requester));
            }
        }
        return roster;
    }

    private Swap locked(String centerCode, long id) {
        jdbc.sql("select id from duty_swap where id = ? and center_code = ? for update").params(id, centerCode)
                .query(Long.class).optional()
                .orElseThrow(() -> LinliException.notFound("SWAP_NOT_FOUND", id));
        return find(centerCode, id);
    }

    /** The colleague accepts; with automatic approval the swap takes effect now. */
    @Transactional
    Swap accept(String centerCode, long id, long colleague) {
        Swap swap = locked(centerCode, id);
        if (swap.colleagueId() != colleague) {
            throw LinliException.forbidden("SWAP_NOT_ASKED");
        }
        if (!"REQUESTED".equals(swap.status())) {
            throw LinliException.conflict("SWAP_DECIDED");
        }
        if (rules.settings(centerCode).swapAutoApprove()) {
            take(swap, colleague);
            return setStatus(centerCode, id, "APPROVED", colleague);
        }
        Rosters.View view = changes.lock(centerCode, month(swap));
        check(view, swap.assignmentId(), swap.requesterId(), swap.colleagueId(), swap.colleagueAssignment());
        return setStatus(centerCode, id, "ACCEPTED", null);
    }

    @Transactional
    Swap decline(String centerCode, long id, long colleague) {
        Swap swap = locked(centerCode, id);
        if (swap.colleagueId() != colleague) {
            throw LinliException.forbidden("SWAP_NOT_ASKED");
        }
        if (!"REQUESTED".equals(swap.status())) {
            throw LinliException.conflict("SWAP_DECIDED");
        }
        return setStatus(centerCode, id, "DECLINED", colleague);
    }

    @Transactional
    Swap withdraw(String centerCode, long id, long requester) {
        Swap swap = locked(centerCode, id);
        if (swap.requesterId() != requester) {
            throw LinliException.forbidden("SWAP_NOT_YOURS");
        }
        if (!"REQUESTED".equals(swap.status()) && !"ACCEPTED".equals(swap.status())) {
            throw LinliException.conflict("SWAP_DECIDED");
        }
        return setStatus(centerCode, id, "WITHDRAWN", requester);
    }

    /** The admin approves an accepted swap (it takes effect) or rejects it. */
    @Transactional
    Swap decide(String centerCode, long id, boolean approve, long admin) {
        Swap swap = locked(centerCode, id);
        if (!"ACCEPTED".equals(swap.status())) {
            throw LinliException.conflict("SWAP_NOT_ACCEPTED");
        }
        if (!approve) {
            return setStatus(centerCode, id, "REJECTED", admin);
        }
        take(swap, admin);
        return setStatus(centerCode, id, "APPROVED", admin);
    }

    private static YearMonth month(Swap swap) {
        return YearMonth.from(swap.dutyDate());
    }

    /** Applies the swap to the published roster if the duties are still where they were and no hard rule breaks. */
    private void take(Swap swap, long actor) {
        Rosters.View view = changes.lock(swap.centerCode(), month(swap));
        Rosters.Duty duty = RosterChanges.duty(view, swap.assignmentId());
        Map<Long, Long> moves = new HashMap<>();
        moves.put(swap.assignmentId(), swap.colleagueId());
        if (duty.accountId() != swap.requesterId()) {
            throw LinliException.conflict("SWAP_STALE");
        }
        if (swap.colleagueAssignment() != null) {
            Rosters.Duty theirs = RosterChanges.duty(view, swap.colleagueAssignment());
            if (theirs.accountId() != swap.colleagueId()) {
                throw LinliException.conflict("SWAP_STALE");
            }
            moves.put(swap.colleagueAssignment(), swap.requesterId());
        }
        changes.apply(view, moves, actor, "SWAP", "换班 #" + swap.id());
    }

    private Swap setStatus(String centerCode, long id, String status, Long actor) {
        if (actor == null) {
            jdbc.sql("update duty_swap set status = ? where id = ?").params(status, id).update();
        } else {
            jdbc.sql("update duty_swap set status = ?, decided_at = now(), decided_by = ? where id = ?")
                    .params(status, actor, id).update();
        }
        return find(centerCode, id);
    }

    Swap find(String centerCode, long id) {
        return list("s.center_code = ? and s.id = ?", centerCode, id).stream().findFirst()
                .orElseThrow(() -> LinliException.notFound("SWAP_NOT_FOUND", id));
    }

    /** Swaps I asked for or was asked, still open or decided in the last month. */
    List<Swap> mine(String centerCode, long account) {
        return list("s.center_code = ? and (s.requester_id = ? or s.colleague_id = ?) "
                + "and (s.status in ('REQUESTED', 'ACCEPTED') or s.created_at > now() - interval '31 days')",
                centerCode, account, account);
    }

    /** Swaps waiting for the admin. */
    List<Swap> awaitingApproval(String centerCode) {
        return list("s.center_code = ? and s.status = 'ACCEPTED'", centerCode);
    }

    private List<Swap> list(String where, Object... params) {
        record Row(long id, String centerCode, long assignmentId, LocalDate dutyDate, String kind, long requesterId,
                long colleagueId, Long colleagueAssignment, LocalDate colleagueDate, String colleagueKind,
                String status, OffsetDateTime createdAt) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, s.center_code, s.assignment_id, a.duty_date, a.kind, s.requester_id, s.colleague_id,
                       s.colleague_assignment, b.duty_date as colleague_date, b.kind as colleague_kind, s.status,
                       s.created_at
                  from duty_swap s join duty_assignment a on a.id = s.assignment_id
                  left join duty_assignment b on b.id = s.colleague_assignment
                 where """ + " " + where + " order by s.id desc limit 200")
                .params(params).query(Row.class).list();
        java.util.Set<Long> people = new java.util.HashSet<>();
        rows.forEach(r -> {
            people.add(r.requesterId());
            people.add(r.colleagueId());
        });
        Map<Long, AccountDirectory.Contact> names = accounts.contacts(people);
        java.util.function.LongFunction<String> name = id -> names.containsKey(id) ? names.get(id).displayName()
                : "#" + id;
        return rows.stream().map(r -> new Swap(r.id(), r.centerCode(), r.assignmentId(), r.dutyDate(), r.kind(),
                r.requesterId(), name.apply(r.requesterId()), r.colleagueId(), name.apply(r.colleagueId()),
                r.colleagueAssignment(), r.colleagueDate(), r.colleagueKind(), r.status(), r.createdAt())).toList();
    }
}
