package org.linli.volunteering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * The WeChat-group moment: 560 volunteers of the demo answer a 20-place recruitment at once, through
 * two services over two connection pools on one PostgreSQL (two "instances"). Exactly 20 are confirmed,
 * 540 wait in a gap-free order, none is lost or counted twice. The time until the recruitment is full is
 * printed, never asserted.
 */
@LinliWebTest
class SignupBurstTests {

    @Autowired
    Signups first;

    @Autowired
    Recruitments recruitments;

    @Autowired
    VolunteerRepository volunteers;

    @Autowired
    ServiceRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void fiveHundredSixtyAnswerATwentyPlaceRecruitmentAtOnce() throws Exception {
        HikariDataSource secondPool = org.linli.testsupport.SecondPool.of(dataSource);
        try (secondPool) {
            Signups second = new Signups(JdbcClient.create(secondPool),
                    new TransactionTemplate(new DataSourceTransactionManager(secondPool)), event -> { }, recruitments,
                    volunteers, records);
            OffsetDateTime start = OffsetDateTime.now(RequestTimes.ZONE).plusDays(4);
            long recruitment = jdbc.sql("""
                    insert into recruitment (center_code, title, starts_at, ends_at, needed)
                    values ('fenghuangshan', '抢位测试：社区运动会志愿者', ?, ?, 20) returning id""")
                    .params(start, start.plusHours(3)).query(Long.class).single();
            List<Long> accounts = jdbc.sql("""
                    select account_id from volunteer where status = 'ACTIVE' and account_id is not null
                     order by id limit 560""").query(Long.class).list();
            assertThat(accounts).hasSize(560);

            ExecutorService pool = Executors.newFixedThreadPool(32);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> answers = new ArrayList<>();
            long[] began = new long[1];
            for (int i = 0; i < accounts.size(); i++) {
                long account = accounts.get(i);
                Signups via = i % 2 == 0 ? first : second;
                answers.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    Signups.Signup s = via.signUp(recruitment, account, null);
                    long done = System.nanoTime();
                    return new long[] {s.status() == Signups.Status.CONFIRMED ? 1 : 0,
                            s.waitlistPosition() == null ? 0 : s.waitlistPosition(), done - t0, done};
                }));
            }
            began[0] = System.nanoTime();
            go.countDown();
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : answers) {
                results.add(f.get());
            }
            long ended = System.nanoTime();
            pool.shutdown();

            assertThat(results.stream().filter(r -> r[0] == 1)).hasSize(20);
            assertThat(results.stream().filter(r -> r[0] == 0).map(r -> (int) r[1]).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 540).boxed().toList());
            assertThat(jdbc.sql("select confirmed || '/' || waitlisted from recruitment where id = ?").param(recruitment)
                    .query(String.class).single()).isEqualTo("20/540");
            assertThat(jdbc.sql("select count(distinct volunteer_id) from recruitment_signup where recruitment_id = ?")
                    .param(recruitment).query(Integer.class).single()).isEqualTo(560);
            List<Long> numbers = jdbc.sql("""
                    select waitlist_number from recruitment_signup where recruitment_id = ? and status = 'WAITLISTED'
                     order by waitlist_number""").param(recruitment).query(Long.class).list();
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(i + 1L);
            }
            long full = results.stream().filter(r -> r[0] == 1).mapToLong(r -> r[3]).max().orElseThrow() - began[0];
            long[] sorted = results.stream().mapToLong(r -> r[2]).sorted().toArray();
            System.out.printf("signup burst: 560 answers, 20 places full after %.0f ms; all 560 answered in %.0f ms "
                    + "(%.0f/s); p50 %.1f ms, p99 %.1f ms%n", full / 1e6, (ended - began[0]) / 1e6,
                    560 / ((ended - began[0]) / 1e9), sorted[279] / 1e6, sorted[554] / 1e6);
        }
    }
}
