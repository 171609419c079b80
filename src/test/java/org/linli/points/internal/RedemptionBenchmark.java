package org.linli.points.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.linli.identity.AccountDirectory;
import org.linli.platform.PhoneNumber;
import org.linli.testsupport.LinliWebTest;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Redemptions per second against one database, through Linli's redemption service (token taken,
 * offer locked, limits checked, two legs posted, the answer stored under its key), and the same
 * statements sent by a bare JDBC loop in the same run, for the ratio. Runs only when named:
 * {@code ./mvnw -o test -Dtest=RedemptionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LinliWebTest
class RedemptionBenchmark {

    private static final int VOLUNTEERS = 64;
    private static final int PER_VOLUNTEER = 40;
    private static final int THREADS = 8;

    @Autowired
    Earning earning;

    @Autowired
    Redemptions redemptions;

    @Autowired
    PointsTokens tokens;

    @Autowired
    Merchants merchants;

    @Autowired
    Ledger ledger;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    DataSource dataSource;

    @Test
    void redemptionsPerSecond() throws Exception {
        Merchants.Merchant shop = merchants.byCode("fhs-market").orElseThrow();
        merchants.saveOffer(shop, "bench", new Merchants.OfferInput("压测", 1, null, null, true));
        List<Long> people = new ArrayList<>();
        OffsetDateTime monday = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");
        for (int i = 0; i < VOLUNTEERS; i++) {
            long account = accounts.ensureResident(new PhoneNumber("1399300%04d".formatted(i)), null);
            earning.credit(new ServiceHoursRecorded(7_000_000_000L + i, 1, account, "fenghuangshan", 1_200,
                    monday.toLocalDate(), monday, monday.plusHours(21)));
            people.add(account);
        }
        List<String[]> work = new ArrayList<>();
        for (int round = 0; round < PER_VOLUNTEER; round++) {
            for (long p : people) {
                work.add(new String[] {tokens.issue(p).token(), "bench-" + p + "-" + round});
            }
        }
        int n = work.size();
        long t0 = System.nanoTime();
        runAll(n, i -> redemptions.redeem("fhs-market", shop.operatorAccountId(), work.get(i)[1], work.get(i)[0],
                "bench"));
        double service = n / ((System.nanoTime() - t0) / 1e9);

        // the same statements, bare JDBC: lock the offer, take a token, post two legs, store the answer
        long merchantAccount = ledger.account(Ledger.Kind.MERCHANT, shop.id(), null);
        long offerId = merchants.offer(shop.id(), "bench").orElseThrow().id();
        List<String[]> raw = new ArrayList<>();
        for (int round = 0; round < PER_VOLUNTEER; round++) {
            for (long p : people) {
                raw.add(new String[] {tokens.issue(p).token(), "raw-" + p + "-" + round,
                        String.valueOf(ledger.volunteerAccount(p).orElseThrow())});
            }
        }
        long t1 = System.nanoTime();
        runAll(n, i -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                String[] w = raw.get(i);
                long from = Long.parseLong(w[2]);
                exec(c, "select id from merchant_offer where id = ? for update", offerId);
                long account;
                try (PreparedStatement s = c.prepareStatement(
                        "update points_token set used_at = now() where token = ? and used_at is null returning account_id")) {
                    s.setString(1, w[0]);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        account = rs.getLong(1);
                    }
                }
                long tx;
                try (PreparedStatement s = c.prepareStatement(
                        "insert into points_transaction (kind, reference) values ('REDEEM', ?) returning id")) {
                    s.setString(1, "raw:" + w[1]);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        tx = rs.getLong(1);
                    }
                }
                long low = Math.min(from, merchantAccount);
                long high = Math.max(from, merchantAccount);
                exec(c, "update points_account set balance = balance + ? where id = ?", low == from ? -1 : 1, low);
                exec(c, "update points_account set balance = balance + ? where id = ?", high == from ? -1 : 1, high);
                exec(c, "insert into points_entry (transaction_id, account_id, amount) values (?, ?, -1)", tx, from);
                exec(c, "insert into points_entry (transaction_id, account_id, amount) values (?, ?, 1)", tx,
                        merchantAccount);
                exec(c, "insert into redemption (merchant_id, offer_id, account_id, points, transaction_id, "
                        + "idempotency_key, request_hash, response) values (?, ?, ?, 1, ?, ?, 'x', '{}')", shop.id(),
                        offerId, account, tx, w[1]);
                c.commit();
            }
            return null;
        });
        double bare = n / ((System.nanoTime() - t1) / 1e9);
        assertThat(service).isPositive();
        System.out.printf("redemption benchmark: %d redemptions on %d threads; Linli %.0f/s, bare JDBC %.0f/s, "
                + "ratio %.2f%n", n, THREADS, service, bare, service / bare);
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }

    private interface Work {
        Object run(int i) throws Exception;
    }

    private static void runAll(int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> work.run(index)));
        }
        for (Future<Object> f : futures) {
            f.get();
        }
        pool.shutdown();
    }
}
