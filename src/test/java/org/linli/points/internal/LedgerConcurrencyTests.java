package org.linli.points.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.testsupport.LinliWebTest;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of mixed operations at once — earnings (some redelivered), redemptions by the same
 * volunteers at three merchants (some retried with the same Idempotency-Key), reversals — from a fixed
 * seed, on 16 threads against real PostgreSQL. The interleaving differs every run; the invariants must
 * hold every time: no balance below zero, nothing spent twice, every transaction balanced, the sum over
 * all accounts zero, every balance the sum of its entries, every record credited once.
 */
@LinliWebTest
class LedgerConcurrencyTests {

    @Autowired
    Earning earning;

    @Autowired
    Redemptions redemptions;

    @Autowired
    PointsTokens tokens;

    @Autowired
    Merchants merchants;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    JdbcClient jdbc;

    private sealed interface Op permits Earn, Redeem, Reverse {
    }

    private record Earn(long recordId, long account, int minutes) implements Op {
    }

    private record Redeem(int merchant, long account, String key, boolean retry) implements Op {
    }

    private record Reverse(int pick) implements Op {
    }

    @Test
    void mixedOperationsKeepTheLedgerWhole() throws Exception {
        Random random = new Random(20261125L);
        List<Long> volunteers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            volunteers.add(accounts.ensureResident(new PhoneNumber("1399200%04d".formatted(i)), null));
        }
        String[] codes = {"fhs-market", "fhs-fresh", "fhs-english"};
        List<Merchants.Merchant> shops = new ArrayList<>();
        for (String code : codes) {
            Merchants.Merchant m = merchants.byCode(code).orElseThrow();
            merchants.saveOffer(m, "stress", new Merchants.OfferInput("压测兑换", 7, null, null, true));
            shops.add(m);
        }
        List<Op> ops = new ArrayList<>();
        long recordIds = 8_000_000_000L;
        for (int i = 0; i < 3_000; i++) {
            int dice = random.nextInt(100);
            long account = volunteers.get(random.nextInt(volunteers.size()));
            if (dice < 30) {
                long id = recordIds++;
                ops.add(new Earn(id, account, 30 + random.nextInt(120)));
                if (random.nextInt(10) == 0) {
                    ops.add(new Earn(id, account, 60)); // redelivered: must not credit again
                }
            } else if (dice < 85) {
                ops.add(new Redeem(random.nextInt(shops.size()), account, "k-" + i, random.nextInt(8) == 0));
            } else {
                ops.add(new Reverse(random.nextInt(1_000)));
            }
        }
        java.util.Collections.shuffle(ops, random);

        List<long[]> done = new CopyOnWriteArrayList<>(); // {redemptionId, merchant index}
        Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        OffsetDateTime monday = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Op op : ops) {
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    switch (op) {
                        case Earn e -> earning.credit(new ServiceHoursRecorded(e.recordId(), 1, e.account(),
                                "fenghuangshan", e.minutes(), monday.toLocalDate(), monday, monday.plusHours(3)));
                        case Redeem r -> {
                            Merchants.Merchant m = shops.get(r.merchant());
                            String token = tokens.issue(r.account()).token();
                            Redemptions.Answer a = redemptions.redeem(m.code(), m.operatorAccountId(), r.key(), token,
                                    "stress");
                            answers.put(m.code() + "/" + r.key(), a.body());
                            done.add(new long[] {((Number) a.body().get("redemptionId")).longValue(), r.merchant()});
                            if (r.retry()) {
                                Redemptions.Answer again = redemptions.redeem(m.code(), m.operatorAccountId(), r.key(),
                                        token, "stress");
                                assertThat(again.body()).isEqualTo(a.body());
                            }
                        }
                        case Reverse v -> {
                            if (!done.isEmpty()) {
                                long[] target = done.get(v.pick() % done.size());
                                redemptions.reverse(target[0], shops.get((int) target[1]).id(), false, 0);
                            }
                        }
                    }
                } catch (LinliException expected) {
                    refused.incrementAndGet(); // too few points, reversed twice: refused, nothing moves
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(done).isNotEmpty();
        assertThat(refused.get()).isPositive();
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from points_entry").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(balance), 0) from points_account").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select transaction_id from points_entry group by transaction_id
                                       having sum(amount) <> 0) t""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from points_account a
                 where a.balance <> coalesce((select sum(amount) from points_entry e where e.account_id = a.id), 0)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from points_account where kind <> 'ISSUANCE' and balance < 0")
                .query(Long.class).single()).isZero();
        // every record credited once, every redemption spent once
        assertThat(jdbc.sql("select count(*) from points_transaction where reference like 'service-record:800000%'")
                .query(Long.class).single()).isEqualTo(ops.stream().filter(o -> o instanceof Earn)
                        .map(o -> ((Earn) o).recordId()).distinct().count());
        assertThat(jdbc.sql("""
                select count(*) from redemption r join merchant_offer o on o.id = r.offer_id where o.code = 'stress'""")
                .query(Long.class).single()).isEqualTo(answers.size());
        assertThat(jdbc.sql("select count(*) from points_token where used_at is not null and account_id in (:a)")
                .param("a", volunteers).query(Long.class).single()).isEqualTo(answers.size());
        // each volunteer's balance is what they earned less what they spent and did not get back
        for (long v : volunteers) {
            long earned = jdbc.sql("""
                    select coalesce(sum(e.amount), 0) from points_entry e join points_transaction t on t.id = e.transaction_id
                      join points_account a on a.id = e.account_id
                     where a.kind = 'VOLUNTEER' and a.owner_id = ? and t.kind = 'EARN'""").param(v)
                    .query(Long.class).single();
            long spent = jdbc.sql("select coalesce(sum(points), 0) from redemption where account_id = ? "
                    + "and reversed_at is null").param(v).query(Long.class).single();
            long balance = jdbc.sql("select coalesce(max(balance), 0) from points_account where kind = 'VOLUNTEER' "
                    + "and owner_id = ?").param(v).query(Long.class).single();
            assertThat(balance).as("volunteer " + v).isEqualTo(earned - spent).isNotNegative();
        }
        System.out.printf("ledger stress: %d operations, %d redemptions, %d refused%n", ops.size(), answers.size(),
                refused.get());
    }
}
