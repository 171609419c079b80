package org.linli.roster.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.linli.calendar.OfficialCalendar;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 调休 that adds up. Once a published duty has ended it is credited, once (the duty is the entry's
 * reference): a weekend or holiday duty credits a day of leave; an evening records a late start the
 * next working morning. Staff ask for leave on a working day against their balance (pending requests
 * count); the admin approves (a USE entry) or declines. Credits lapse after the configured months,
 * oldest first. The balance is always the sum of the entries.
 */
@Service
class CompensatoryTime {

    record Entry(long id, String kind, BigDecimal days, LocalDate onDay, String reason, OffsetDateTime createdAt) {
    }

    record LeaveRequest(long id, String centerCode, long accountId, LocalDate onDay, BigDecimal days, String status) {
    }

    private final JdbcClient jdbc;
    private final OfficialCalendar calendar;
    private final int expiryMonths;
    private final BigDecimal lateStart;

    CompensatoryTime(JdbcClient jdbc, OfficialCalendar calendar,
            @Value("${linli.roster.comp-expiry-months:6}") int expiryMonths,
            @Value("${linli.roster.late-start-days:0.5}") BigDecimal lateStart) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.expiryMonths = expiryMonths;
        this.lateStart = lateStart;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    void regularly() {
        creditWorked();
        expire(LocalDate.now(RequestTimes.ZONE));
    }

    /** Credits every published duty that has ended and was not credited yet; returns how many it credited. */
    @Transactional
    int creditWorked() {
        record Worked(long id, String centerCode, long accountId, LocalDate dutyDate, String kind) {
        }
        List<Worked> worked = jdbc.sql("""
                select a.id, r.center_code, a.account_id, a.duty_date, a.kind
                  from duty_assignment a join duty_roster r on r.id = a.roster_id
                 where r.status = 'PUBLISHED' and a.ends_at < now()
                   and not exists (select 1 from comp_entry e where e.reference = 'duty:' || a.id)
                 order by a.ends_at limit 2000""").query(Worked.class).list();
        int credited = 0;
        for (Worked w : worked) {
            if ("WEEKEND".equals(w.kind()) || "HOLIDAY_DUTY".equals(w.kind())) {
                credited += insert(w.centerCode(), w.accountId(), "CREDIT", BigDecimal.ONE, w.dutyDate(),
                        ("WEEKEND".equals(w.kind()) ? "周末" : "节假日") + "值班 " + w.dutyDate(), "duty:" + w.id());
            } else if ("EVENING".equals(w.kind())) {
                LocalDate morning = calendar.addWorkingDays(w.dutyDate(), 1).date();
                credited += insert(w.centerCode(), w.accountId(), "LATE_START", lateStart, morning,
                        "晚间值班 " + w.dutyDate() + "，次日 " + morning + " 可晚到半天", "duty:" + w.id());
            } else {
                credited += insert(w.centerCode(), w.accountId(), "LATE_START", BigDecimal.ZERO, w.dutyDate(),
                        "午间值班 " + w.dutyDate(), "duty:" + w.id());
            }
        }
        return credited;
    }

    /** One entry per reference: 1 when written, 0 when it was there already (another run, another instance). */
    private int insert(String center, long account, String kind, BigDecimal days, LocalDate onDay, String reason,
            String reference) {
        return jdbc.sql("""
                insert into comp_entry (center_code, account_id, kind, days, on_day, reason, reference)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing""")
                .params(center, account, kind, days, onDay, reason, reference).update();
    }

    /** Days of leave held: credits less uses and expiries (late starts are taken the next morning). */
    BigDecimal balance(String center, long account) {
        return jdbc.sql("""
                select coalesce(sum(days), 0) from comp_entry
                 where center_code = ? and account_id = ? and kind in ('CREDIT', 'USE', 'EXPIRE')""")
                .params(center, account).query(BigDecimal.class).single();
    }

    /** Every holder's balance at the center. */
    Map<Long, BigDecimal> balances(String center) {
        Map<Long, BigDecimal> balances = new java.util.HashMap<>();
        jdbc.sql("""
                select account_id, coalesce(sum(days), 0) from comp_entry
                 where center_code = ? and kind in ('CREDIT', 'USE', 'EXPIRE') group by account_id""")
                .param(center).query((rs, n) -> balances.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return balances;
    }

    record LedgerLine(long accountId, String kind, BigDecimal days, LocalDate onDay, String reason,
            OffsetDateTime createdAt) {
    }

    /** The center's whole ledger, person by person in order, for the register export. */
    List<LedgerLine> ledger(String center) {
        return jdbc.sql("""
                select account_id, kind, days, on_day, reason, created_at from comp_entry
                 where center_code = ? order by account_id, on_day, id""")
                .param(center).query(LedgerLine.class).list();
    }

    List<Entry> entries(String center, long account) {
        return jdbc.sql("""
                select id, kind, days, on_day, reason, created_at from comp_entry
                 where center_code = ? and account_id = ? order by on_day desc, id desc""")
                .params(center, account).query(Entry.class).list();
    }

    private BigDecimal pending(String center, long account) {
        return jdbc.sql("select coalesce(sum(days), 0) from leave_request where center_code = ? and account_id = ? "
                + "and status = 'PENDING'").params(center, account).query(BigDecimal.class).single();
    }

    /** Leave on a working day, half or whole, against the balance less what is already asked for. */
    @Transactional
    LeaveRequest request(String center, long account, LocalDate day, BigDecimal days) {
        if (days == null || !(days.compareTo(new BigDecimal("0.5")) == 0 || days.compareTo(BigDecimal.ONE) == 0)) {
            throw LinliException.invalidField("days", "LEAVE_DAYS_INVALID");
        }
        if (day.isBefore(LocalDate.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("date", "DATE_IN_PAST");
        }
        if (!calendar.day(day).dayKind().working()) {
            throw LinliException.invalidField("date", "LEAVE_NOT_WORKING_DAY", day);
        }
        // one request at a time per person: the balance check and the insert cannot interleave
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("leave:" + center + ":" + account)
                .query((rs, n) -> 1).list();
        BigDecimal available = balance(center, account).subtract(pending(center, account));
        if (available.compareTo(days) < 0) {
            throw LinliException.conflict("LEAVE_BEYOND_BALANCE", available.stripTrailingZeros().toPlainString(),
                    days.stripTrailingZeros().toPlainString());
        }
        try {
            long id = jdbc.sql("""
                    insert into leave_request (center_code, account_id, on_day, days) values (?, ?, ?, ?) returning id""")
                    .params(center, account, day, days).query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException twice) {
            throw LinliException.conflict("LEAVE_ALREADY_REQUESTED", day);
        }
    }

    java.util.Optional<LeaveRequest> find(long id) {
        return jdbc.sql("select id, center_code, account_id, on_day, days, status from leave_request where id = ?")
                .param(id).query(LeaveRequest.class).optional();
    }

    List<LeaveRequest> pendingAt(String center) {
        return jdbc.sql("""
                select id, center_code, account_id, on_day, days, status from leave_request
                 where center_code = ? and status = 'PENDING' order by on_day, id""").param(center)
                .query(LeaveRequest.class).list();
    }

    @Transactional
    void decide(String center, long id, boolean approve, long admin) {
        LeaveRequest r = jdbc.sql("""
                select id, center_code, account_id, on_day, days, status from leave_request
                 where id = ? and center_code = ? for update""").params(id, center).query(LeaveRequest.class)
                .optional().orElseThrow(() -> LinliException.notFound("LEAVE_REQUEST_NOT_FOUND", id));
        if (!"PENDING".equals(r.status())) {
            throw LinliException.conflict("LEAVE_DECIDED");
        }
        jdbc.sql("update leave_request set status = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(approve ? "APPROVED" : "DECLINED", admin, id).update();
        if (approve) {
            insert(center, r.accountId(), "USE", r.days().negate(), r.onDay(), "调休 " + r.onDay(), "leave:" + id);
        }
    }

    /** Credits older than the period and not used lapse, oldest first; each run's reference is per day. */
    @Transactional
    BigDecimal expire(LocalDate today) {
        LocalDate cutoff = today.minusMonths(expiryMonths);
        record Holder(String centerCode, long accountId, BigDecimal old, BigDecimal used) {
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Holder h : jdbc.sql("""
                select center_code, account_id,
                       coalesce(sum(days) filter (where kind = 'CREDIT' and on_day < ?), 0) as old,
                       coalesce(-sum(days) filter (where kind in ('USE', 'EXPIRE')), 0) as used
                  from comp_entry group by center_code, account_id""").param(cutoff).query(Holder.class).list()) {
            BigDecimal lapse = h.old().subtract(h.used());
            if (lapse.signum() > 0) {
                insert(h.centerCode(), h.accountId(), "EXPIRE", lapse.negate(), today,
                        "调休过期（" + expiryMonths + " 个月前获得，未使用）",
                        "expiry:" + h.centerCode() + ":" + h.accountId() + ":" + today);
                total = total.add(lapse);
            }
        }
        return total;
    }
}
