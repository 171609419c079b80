package org.linli.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.linli.platform.RequestTimes;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 500 residents register at once for 20 places, through two "instances" (two services over two
 * separate connection pools on the same PostgreSQL): exactly 20 confirmed, 480 waitlisted numbered
 * 1…480 without gaps in the order the database took them, nobody lost, nobody twice. Then 20
 * cancellations at once promote exactly the next 20 in order. Timings are printed, never asserted.
 */
@LinliWebTest
class RegistrationBurstTests {

    @Autowired
    Registrations first;

    @Autowired
    ActivityRepository activities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.linli.residents.HouseholdDirectory households;

    @Test
    void fiveHundredAtOnceForTwentyPlaces() throws Exception {
        HikariDataSource secondPool = org.linli.testsupport.SecondPool.of(dataSource);
        try (secondPool) {
            Registrations second = new Registrations(JdbcClient.create(secondPool),
                    new TransactionTemplate(new DataSourceTransactionManager(secondPool)), event -> { }, households);
            OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
            long activity = activities.insert("fenghuangshan", "抢位测试：亲子烘焙", "FAMILY", null, now.plusDays(5),
                    now.plusDays(5).plusHours(2), 20, null, null, now.minusHours(1), now.plusDays(5), null, null, null);
            List<Long> people = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                people.add(jdbc.sql("insert into account (phone, display_name) values (?, ?) returning id")
                        .params("1399000%04d".formatted(i), "burst " + i)
                        .query(Long.class).single());
            }
            ExecutorService pool = Executors.newFixedThreadPool(32);
            CountDownLatch start = new CountDownLatch(1);
            Map<Long, Long> latency = new ConcurrentHashMap<>();
            List<Future<Registrations.Place>> results = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                long person = people.get(i);
                Registrations via = i % 2 == 0 ? first : second;
                results.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    Registrations.Place place = via.register(activity, person, OffsetDateTime.now(RequestTimes.ZONE));
                    latency.put(person, System.nanoTime() - t0);
                    return place;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            List<Registrations.Place> places = new ArrayList<>();
            for (Future<Registrations.Place> f : results) {
                places.add(f.get());
            }
            long elapsed = System.nanoTime() - t0;

            assertThat(places.stream().filter(p -> p.status() == Registrations.Status.CONFIRMED)).hasSize(20);
            assertThat(places.stream().filter(p -> p.status() == Registrations.Status.WAITLISTED)).hasSize(480);
            assertThat(jdbc.sql("select count(distinct account_id) from activity_registration where activity_id = ?")
                    .param(activity).query(Integer.class).single()).isEqualTo(500);
            List<Long> numbers = jdbc.sql("""
                    select waitlist_number from activity_registration
                     where activity_id = ? and status = 'WAITLISTED' order by waitlist_number""")
                    .param(activity).query(Long.class).list();
            assertThat(numbers).hasSize(480);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(i + 1L);
            }
            // every waitlisted answer's position is its number: the order the database took them in
            assertThat(places.stream().filter(p -> p.status() == Registrations.Status.WAITLISTED)
                    .map(Registrations.Place::waitlistPosition).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 480).boxed().toList());
            Activity counted = activities.find(activity).orElseThrow();
            assertThat(counted.confirmed()).isEqualTo(20);
            assertThat(counted.waitlisted()).isEqualTo(480);

            long[] sorted = latency.values().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("registration burst: 500 in %.0f ms (%.0f/s), p50 %.1f ms, p99 %.1f ms%n",
                    elapsed / 1e6, 500 / (elapsed / 1e9), sorted[249] / 1e6, sorted[494] / 1e6);

            // 20 confirmed people cancel at once: the next 20 in line are confirmed, in order
            List<Long> confirmed = jdbc.sql("""
                    select account_id from activity_registration where activity_id = ? and status = 'CONFIRMED'""")
                    .param(activity).query(Long.class).list();
            List<Long> nextInLine = jdbc.sql("""
                    select account_id from activity_registration where activity_id = ? and status = 'WAITLISTED'
                     order by waitlist_number limit 20""").param(activity).query(Long.class).list();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> cancels = new ArrayList<>();
            for (int i = 0; i < confirmed.size(); i++) {
                long person = confirmed.get(i);
                Registrations via = i % 2 == 0 ? first : second;
                cancels.add(pool.submit(() -> {
                    go.await();
                    via.cancel(activity, person);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : cancels) {
                f.get();
            }
            pool.shutdown();
            List<Long> nowConfirmed = new ArrayList<>(jdbc.sql("""
                    select account_id from activity_registration where activity_id = ? and status = 'CONFIRMED'""")
                    .param(activity).query(Long.class).list());
            Collections.sort(nowConfirmed);
            List<Long> expected = new ArrayList<>(nextInLine);
            Collections.sort(expected);
            assertThat(nowConfirmed).isEqualTo(expected);
            counted = activities.find(activity).orElseThrow();
            assertThat(counted.confirmed()).isEqualTo(20);
            assertThat(counted.waitlisted()).isEqualTo(460);
            assertThat(Arrays.asList(first.live(activity, nextInLine.get(0)).orElseThrow().status()))
                    .containsExactly(Registrations.Status.CONFIRMED);
        }
    }
}
