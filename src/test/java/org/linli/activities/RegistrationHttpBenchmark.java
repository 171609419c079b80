package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration burst over HTTP against two running instances of Linli on one PostgreSQL: 500
 * residents press "register" at once for 20 places, alternating between the instances. Checks the
 * invariants (20 confirmed, 480 waitlisted with numbers 1..480, none lost, none twice) and prints the
 * throughput and latency. Runs only when named:
 * {@code ./mvnw -o test -Dtest=RegistrationHttpBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LinliWebTest
class RegistrationHttpBenchmark {

    private static final int RESIDENTS = 500;
    private static final int PLACES = 20;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveHundredRegistrationsThroughTwoInstances() throws Exception {
        // command-line arguments, so they win over application.yml (builder properties would not)
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LinliApplication.class).run(
                "--server.port=0", "--linli.demo=false", "--logging.file.name=",
                "--linli.db.url=" + environment.getProperty("linli.db.url"),
                "--linli.db.user=" + environment.getProperty("linli.db.user"),
                "--linli.db.password=" + environment.getProperty("linli.db.password", ""),
                "--linli.data-dir=" + environment.getProperty("linli.data-dir"))) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            Api a = new Api(port);
            Api b = new Api(secondPort);
            OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(9).withNano(0);
            HttpResponse<String> created = a.send("POST", "/api/v1/centers/fenghuangshan/activities",
                    a.token("fenghuangshan-staff07"), """
                    {"title":"抢位压测：亲子烘焙","category":"FAMILY","startsAt":"%s","endsAt":"%s","capacity":%d}
                    """.formatted(start, start.plusHours(2), PLACES));
            long activity = Http.json(created).get("id").asLong();

            ExecutorService signIns = Executors.newFixedThreadPool(8);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < RESIDENTS; i++) {
                String phone = "1399100%04d".formatted(i);
                // codes are read from the demo outbox, which only the demo instance has; tokens work on both
                tokens.add(signIns.submit(() -> a.signInByPhone(phone).get("accessToken").asString()));
            }
            List<String> signedIn = new ArrayList<>();
            for (Future<String> t : tokens) {
                signedIn.add(t.get());
            }
            signIns.shutdown();

            ExecutorService burst = Executors.newFixedThreadPool(100);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < RESIDENTS; i++) {
                String token = signedIn.get(i);
                Api via = i % 2 == 0 ? a : b;
                answers.add(burst.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = via.send("POST", "/api/v1/activities/" + activity + "/registrations", token, null)
                            .statusCode();
                    return new long[] {status, System.nanoTime() - t0};
                }));
            }
            long began = System.nanoTime();
            go.countDown();
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> f : answers) {
                long[] r = f.get();
                assertThat(r[0]).isEqualTo(201);
                latencies.add(r[1]);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            burst.shutdown();

            assertThat(jdbc.sql("select count(*) from activity_registration where activity_id = ? and status = 'CONFIRMED'")
                    .param(activity).query(Long.class).single()).isEqualTo(PLACES);
            List<Long> numbers = jdbc.sql("""
                    select waitlist_number from activity_registration where activity_id = ? and status = 'WAITLISTED'
                     order by waitlist_number""").param(activity).query(Long.class).list();
            assertThat(numbers).hasSize(RESIDENTS - PLACES);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(i + 1L);
            }
            assertThat(jdbc.sql("select count(distinct account_id) from activity_registration where activity_id = ?")
                    .param(activity).query(Long.class).single()).isEqualTo(RESIDENTS);

            Collections.sort(latencies);
            System.out.printf("registration HTTP burst: %d requests over 2 instances in %.2f s (%.0f/s); "
                    + "latency p50 %d ms, p99 %d ms, max %d ms%n", RESIDENTS, seconds, RESIDENTS / seconds,
                    latencies.get(latencies.size() / 2) / 1_000_000, latencies.get(latencies.size() * 99 / 100) / 1_000_000,
                    latencies.getLast() / 1_000_000);
        }
    }
}
