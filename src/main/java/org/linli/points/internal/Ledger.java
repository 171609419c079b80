package org.linli.points.internal;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linli.platform.LinliException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger. A transaction is posted with its legs (account, amount) summing to zero; each leg changes
 * the account's cached balance under its row lock (accounts locked in id order, so two transactions on
 * the same accounts never deadlock) and adds one immutable entry. The database refuses an unbalanced
 * transaction at commit, a changed entry, and any account but issuance below zero.
 */
@Component
class Ledger {

    enum Kind {
        ISSUANCE, VOLUNTEER, MERCHANT, COURSES, EXPIRY
    }

    record Leg(long accountId, long amount) {
    }

    record Entry(long id, long transactionId, String kind, String reference, String memo, long amount,
            OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account, created on first use. Volunteers and merchants are keyed by owner; the rest by center. */
    long account(Kind kind, Long ownerId, String centerCode) {
        String center = kind == Kind.VOLUNTEER || kind == Kind.MERCHANT ? null : centerCode;
        Long owner = kind == Kind.VOLUNTEER || kind == Kind.MERCHANT ? ownerId : null;
        Optional<Long> found = find(kind, owner, center);
        if (found.isPresent()) {
            return found.get();
        }
        jdbc.sql("""
                insert into points_account (kind, owner_id, center_code) values (?, ?, ?) on conflict do nothing""")
                .params(kind.name(), owner, center).update();
        return find(kind, owner, center).orElseThrow();
    }

    private Optional<Long> find(Kind kind, Long owner, String center) {
        return jdbc.sql("""
                select id from points_account where kind = ?
                   and owner_id is not distinct from cast(? as bigint) and center_code is not distinct from ?""")
                .params(kind.name(), owner, center).query(Long.class).optional();
    }

    Optional<Long> volunteerAccount(long accountId) {
        return find(Kind.VOLUNTEER, accountId, null);
    }

    /**
     * Posts a balanced transaction once per reference: empty when the reference was posted before (a
     * redelivered cause). A leg that would take an account below zero refuses the whole transaction
     * with POINTS_INSUFFICIENT and the balance.
     */
    @Transactional
    Optional<Long> post(String kind, String reference, String memo, Long createdBy, List<Leg> legs) {
        if (legs.stream().mapToLong(Leg::amount).sum() != 0 || legs.stream().anyMatch(l -> l.amount() == 0)) {
            throw new IllegalArgumentException("unbalanced or empty legs for " + reference);
        }
        Long transaction = jdbc.sql("""
                insert into points_transaction (kind, reference, memo, created_by) values (?, ?, ?, ?)
                on conflict (reference) do nothing returning id""")
                .params(kind, reference, memo, createdBy).query(Long.class).optional().orElse(null);
        if (transaction == null) {
            return Optional.empty();
        }
        for (Leg leg : legs.stream().sorted(Comparator.comparingLong(Leg::accountId)).toList()) {
            int changed = jdbc.sql("""
                    update points_account set balance = balance + ?
                     where id = ? and (kind = 'ISSUANCE' or balance + ? >= 0)""")
                    .params(leg.amount(), leg.accountId(), leg.amount()).update();
            if (changed == 0) {
                throw LinliException.conflict("POINTS_INSUFFICIENT", balance(leg.accountId()), -leg.amount());
            }
            jdbc.sql("insert into points_entry (transaction_id, account_id, amount) values (?, ?, ?)")
                    .params(transaction, leg.accountId(), leg.amount()).update();
        }
        return Optional.of(transaction);
    }

    java.time.OffsetDateTime postedAt(long transactionId) {
        return jdbc.sql("select created_at from points_transaction where id = ?").param(transactionId)
                .query(java.time.OffsetDateTime.class).single();
    }

    long balance(long accountId) {
        return jdbc.sql("select balance from points_account where id = ?").param(accountId).query(Long.class)
                .optional().orElse(0L);
    }

    List<Entry> entries(long accountId, int limit, int offset) {
        return jdbc.sql("""
                select e.id, e.transaction_id, t.kind, t.reference, t.memo, e.amount, e.created_at
                  from points_entry e join points_transaction t on t.id = e.transaction_id
                 where e.account_id = ? order by e.id desc limit ? offset ?""")
                .params(accountId, limit, offset).query(Entry.class).list();
    }

    int countEntries(long accountId) {
        return jdbc.sql("select count(*) from points_entry where account_id = ?").param(accountId)
                .query(Integer.class).single();
    }
}
