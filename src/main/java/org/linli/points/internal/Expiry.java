package org.linli.points.internal;

import java.time.LocalDate;
import java.util.List;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Points older than a center's expiry lapse, oldest first: what a volunteer earned from the center
 * before the cut-off and has not used since (spending, expiry and reversals counted first-in,
 * first-out) moves to the center's expiry account. Each day's run has its own reference per volunteer,
 * so running it twice, or on two instances, expires nothing twice.
 */
@Component
class Expiry {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    Expiry(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Shanghai")
    void nightly() {
        run(LocalDate.now(RequestTimes.ZONE));
    }

    /** Returns the points expired. */
    long run(LocalDate today) {
        long total = 0;
        record Rule(String centerCode, int expiryMonths) {
        }
        for (Rule rule : jdbc.sql("select center_code, expiry_months from points_rule where expiry_months is not null")
                .query(Rule.class).list()) {
            LocalDate cutoff = today.minusMonths(rule.expiryMonths());
            long issuance = ledger.account(Ledger.Kind.ISSUANCE, null, rule.centerCode());
            long expiry = ledger.account(Ledger.Kind.EXPIRY, null, rule.centerCode());
            record Due(long accountId, long earned, long used, long balance) {
            }
            List<Due> due = jdbc.sql("""
                    select v.id as account_id,
                           coalesce((select sum(e.amount) from points_entry e
                                      where e.account_id = v.id and e.amount > 0 and e.created_at < ?
                                        and exists (select 1 from points_entry i where i.transaction_id = e.transaction_id
                                                       and i.account_id = ?)), 0) as earned,
                           coalesce((select -sum(e.amount) from points_entry e join points_transaction t
                                       on t.id = e.transaction_id
                                      where e.account_id = v.id and t.kind in ('REDEEM', 'COURSE', 'ADJUST',
                                            'REVERSE', 'REFUND', 'EXPIRE')
                                        and (t.kind <> 'EXPIRE' or t.reference like ?)
                                        and (e.amount < 0 or t.kind in ('REVERSE', 'REFUND'))), 0) as used,
                           v.balance
                      from points_account v where v.kind = 'VOLUNTEER' and v.balance > 0""")
                    .params(cutoff.atStartOfDay(RequestTimes.ZONE).toOffsetDateTime(), issuance,
                            "expiry:" + rule.centerCode() + ":%")
                    .query(Due.class).list();
            for (Due d : due) {
                long lapse = Math.min(d.balance(), Math.max(0, d.earned() - Math.max(0, d.used())));
                if (lapse > 0) {
                    ledger.post("EXPIRE", "expiry:" + rule.centerCode() + ":" + d.accountId() + ":" + today,
                            "积分过期（" + rule.expiryMonths() + " 个月前获得）", null,
                            List.of(new Ledger.Leg(d.accountId(), -lapse), new Ledger.Leg(expiry, lapse)));
                    total += lapse;
                }
            }
        }
        return total;
    }
}
