package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The platform as a district would deploy it, measured and then broken on purpose. Runs only when
 * named ({@code bench/run}, or {@code ./mvnw -o test -Dtest=PlatformBench -Dsurefire.failIfNoSpecifiedTests=false}):
 * <ol>
 * <li>starts one PostgreSQL 17 (its own data directory under {@code target/bench}) and two Linli
 *     processes on loopback, each with a 512 MB heap, the first loading the demo district (with its
 *     generated year); their process ids go to {@code target/bench/pids} and only they are stopped;</li>
 * <li>drives the mixes with a Java client on virtual threads, alternating the instances: catalogue
 *     search, opening reads, the resident home page, an activity-registration burst, a recruitment
 *     sign-up burst, points redemptions — requests per second, p50/p95/p99, errors; and runs pgbench
 *     with the registration's own SQL in the same run, for the ratio;</li>
 * <li>kills the second instance with SIGKILL in the middle of a registration burst and a redemption
 *     mix, restarts it, and checks no confirmed registration was lost or doubled and every balance
 *     equals its entries;</li>
 * <li>stops PostgreSQL under load and starts it again: requests fail cleanly (503) meanwhile and
 *     succeed after, without restarting Linli.</li>
 * </ol>
 * Prints a report and writes it to {@code target/bench/report.md}.
 */
class PlatformBench {

    static final Path DIR = Path.of("target/bench");
    static final int CLIENTS = 64;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final StringBuilder report = new StringBuilder();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, Process> instances = new LinkedHashMap<>();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    EmbeddedPostgres pg;
    int pgPort;
    JdbcClient db;

    record Outcome(int status, long micros, String body) {
    }

    record Mix(String name, int clients, long requests, long errors, double seconds, long p50, long p95, long p99,
            Map<Integer, Long> statuses) {

        double rate() {
            return requests / seconds;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    // ----- processes -------------------------------------------------------------------------------

    EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(DIR.resolve("pg")).setCleanDataDirectory(false)
                .setPort(pgPort).setServerConfig("timezone", "Asia/Shanghai").setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false).start();
    }

    void startInstance(String name, boolean demo) throws Exception {
        int port = ports.computeIfAbsent(name, n -> {
            try {
                return freePort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "org.linli.LinliApplication", "--server.port=" + port,
                "--linli.demo=" + demo,
                // one data directory for both: the same token secret and encryption keys (the database is external)
                "--linli.data-dir=" + DIR.resolve("shared").toAbsolutePath(),
                "--linli.applications.storage-dir=" + DIR.resolve("files").toAbsolutePath(),
                "--linli.db.url=jdbc:postgresql://localhost:" + pgPort + "/postgres", "--linli.db.user=postgres",
                "--logging.file.name=" + DIR.resolve(name + ".log").toAbsolutePath(),
                // the load client signs in 1,300 residents from one address; the per-address limit is for attackers
                "--linli.auth.otp-per-client-per-hour=100000")
                .redirectErrorStream(true).redirectOutput(DIR.resolve(name + ".out").toFile());
        Process process = builder.start();
        instances.put(name, process);
        Files.writeString(DIR.resolve("pids"), instances.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().pid()).reduce("", (a, b) -> a + b + "\n"));
        long started = System.nanoTime();
        for (int i = 0; i < 600; i++) {
            if (status(port, "/actuator/health/readiness") == 200) {
                line("- instance " + name + " (pid " + process.pid() + ", port " + port + ", -Xmx512m"
                        + (demo ? ", demo district" : "") + ") ready after "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
                return;
            }
            assertThat(process.isAlive()).as("instance " + name + " is running (see target/bench/" + name + ".out)")
                    .isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + name + " did not become ready");
    }

    int status(int port, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    // ----- load ------------------------------------------------------------------------------------

    HttpRequest.Builder request(int port, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "zh-CN");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    Outcome send(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(r.statusCode(), (System.nanoTime() - t0) / 1000, r.body());
        } catch (IOException e) {
            return new Outcome(0, (System.nanoTime() - t0) / 1000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, 0, "interrupted");
        }
    }

    /**
     * Runs {@code total} requests (or, when total is 0, as many as fit in {@code duration}) from
     * {@code clients} virtual threads; request i is made by {@code next}. 2xx and the given expected
     * statuses count as answers; anything else is an error.
     */
    Mix drive(String name, int clients, int total, Duration duration, IntFunction<HttpRequest> next,
            List<Outcome> kept, java.util.Set<Integer> expected) throws Exception {
        return drive(name, clients, total, duration, next, kept, expected, (i, o) -> { });
    }

    Mix drive(String name, int clients, int total, Duration duration, IntFunction<HttpRequest> next,
            List<Outcome> kept, java.util.Set<Integer> expected,
            java.util.function.BiConsumer<Integer, Outcome> observer) throws Exception {
        AtomicInteger counter = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (true) {
                        int i = counter.getAndIncrement();
                        if ((total > 0 && i >= total) || (total == 0 && System.nanoTime() > deadline)) {
                            return;
                        }
                        Outcome outcome = send(next.apply(i));
                        observer.accept(i, outcome);
                        outcomes.add(outcome);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> micros = new ArrayList<>(outcomes.stream().map(Outcome::micros).toList());
        Collections.sort(micros);
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        outcomes.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        long errors = outcomes.stream().filter(o -> o.status() / 100 != 2 && !expected.contains(o.status())).count();
        if (kept != null) {
            kept.addAll(outcomes);
        }
        Mix mix = new Mix(name, clients, outcomes.size(), errors, seconds, pct(micros, 50), pct(micros, 95),
                pct(micros, 99), statuses);
        line(String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %s |", name, clients, mix.requests(),
                mix.rate(), mix.p50() / 1000.0, mix.p95() / 1000.0, mix.p99() / 1000.0, errors, statuses));
        return mix;
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * A read mix with wrk (Debian), the load generator the issue names: one wrk per instance at once
     * (half the connections each, one thread each), cycling through the paths; summed.
     */
    Mix wrk(String name, int connections, List<String> paths) throws Exception {
        StringBuilder lua = new StringBuilder("local paths = {");
        for (String p : paths) {
            lua.append('"').append(p).append("\",");
        }
        lua.append("""
                }
                local i = 0
                request = function()
                  i = i + 1
                  return wrk.format("GET", paths[(i % #paths) + 1], {["Accept"] = "text/html,application/json", ["Accept-Language"] = "zh-CN"})
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests,
                    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
                end
                """);
        Path script = DIR.resolve("mix-" + Math.abs(name.hashCode()) + ".lua");
        Files.writeString(script, lua.toString());
        List<Process> runs = new ArrayList<>();
        for (int port : ports.values()) {
            runs.add(new ProcessBuilder("wrk", "-t1", "-c" + connections / ports.size(), "-d10s", "-s",
                    script.toString(), "http://localhost:" + port).redirectErrorStream(true).start());
        }
        long requests = 0;
        long errors = 0;
        double seconds = 0;
        long p50 = 0;
        long p95 = 0;
        long p99 = 0;
        for (Process run : runs) {
            String out = new String(run.getInputStream().readAllBytes());
            run.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            requests += Long.parseLong(m.group(1));
            errors += Long.parseLong(m.group(2));
            seconds = Math.max(seconds, Long.parseLong(m.group(3)) / 1e6);
            // the slower instance's percentiles: what a resident sent to it would see
            p50 = Math.max(p50, Long.parseLong(m.group(4)));
            p95 = Math.max(p95, Long.parseLong(m.group(5)));
            p99 = Math.max(p99, Long.parseLong(m.group(6)));
        }
        Mix mix = new Mix(name + " (wrk)", connections, requests, errors, seconds, p50, p95, p99, Map.of());
        line(String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | wrk, %d per instance |", mix.name(),
                connections, requests, mix.rate(), p50 / 1000.0, p95 / 1000.0, p99 / 1000.0, errors,
                connections / ports.size()));
        return mix;
    }

    int port(int i) {
        List<Integer> all = new ArrayList<>(ports.values());
        return all.get(i % all.size());
    }

    /** Residents (by phone) signed in through the demo instance's outbox, in parallel. */
    List<String> signIn(List<String> phones) throws Exception {
        Api api = new Api(ports.get("a"));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> tokens = new ArrayList<>();
            for (String phone : phones) {
                tokens.add(pool.submit(() -> api.signInByPhone(phone).get("accessToken").asString()));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> t : tokens) {
                out.add(t.get());
            }
            return out;
        }
    }

    long activity(Api api, String staffToken, int capacity, int days) {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusDays(days).withHour(15).withMinute(0).withSecond(0)
                .withNano(0);
        HttpResponse<String> created = api.send("POST", "/api/v1/centers/fenghuangshan/activities", staffToken, """
                {"title":"压测活动 %d","category":"FAMILY","startsAt":"%s","endsAt":"%s","capacity":%d}
                """.formatted(days, start, start.plusHours(2), capacity));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    HttpRequest register(long activity, String token, int i) {
        return request(port(i), "/api/v1/activities/" + activity + "/registrations", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /** pgbench with the statements one registration runs, on one activity, as many as the HTTP burst. */
    String pgbench(long activity, int transactions) throws Exception {
        Path script = DIR.resolve("registration.sql");
        Files.writeString(script, """
                \\set acct random(1000000000, 9000000000)
                BEGIN;
                SELECT id, title, center_code, starts_at, ends_at, capacity, confirmed, next_waitlist_number, status, registration_opens_at, registration_closes_at, min_age, max_age, family_registration, paid FROM activity WHERE id = :act FOR UPDATE;
                SELECT id FROM activity_registration WHERE activity_id = :act AND account_id = :acct AND person_id IS NULL AND status <> 'CANCELLED';
                INSERT INTO activity_registration (activity_id, account_id, person_id, status, waitlist_number, check_in_code) VALUES (:act, :acct, NULL, 'WAITLISTED', 1, substr(md5(random()::text), 1, 10));
                UPDATE activity SET waitlisted = waitlisted + 1, next_waitlist_number = next_waitlist_number + 1 WHERE id = :act;
                END;
                """);
        Process p = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(CLIENTS), "-j", "2",
                "-t", String.valueOf(Math.max(1, transactions / CLIENTS)), "-f", script.toString(), "-D",
                "act=" + activity, "-h", "localhost", "-p", String.valueOf(pgPort), "-U", "postgres", "postgres")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(5, TimeUnit.MINUTES);
        Files.writeString(DIR.resolve("pgbench.out"), out);
        return out;
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    // ----- the run ---------------------------------------------------------------------------------

    @Test
    void theDistrictUnderLoadAndUnderFaults() throws Exception {
        if (Files.exists(DIR)) {
            try (var walk = Files.walk(DIR)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(DIR);
        pgPort = freePort();
        pg = startPostgres();
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "postgres", "");
        db = JdbcClient.create(ds);
        try {
            line("# Linli platform bench, " + OffsetDateTime.now(SHANGHAI).withNano(0));
            line("");
            line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; PostgreSQL 17 (embedded binaries), "
                    + "two Linli processes with -Xmx512m, the load client in the same machine (virtual threads).");
            line("");
            startInstance("a", true);
            startInstance("b", false);
            run();
        } finally {
            for (Process p : instances.values()) {
                p.destroy();
            }
            for (Process p : instances.values()) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            pg.close();
            Files.writeString(DIR.resolve("report.md"), report);
        }
    }

    void run() throws Exception {
        Api a = new Api(ports.get("a"));
        String staff = a.token("fenghuangshan-staff07");
        line("");
        line("## Mixes (" + CLIENTS + " clients, requests alternate between the two instances)");
        line("");
        line("| mix | clients | requests | per second | p50 ms | p95 ms | p99 ms | errors | statuses |");
        line("|---|---|---|---|---|---|---|---|---|");
        List<String> queries = List.of("社保卡丢了", "低保", "老年证", "居住证", "残疾人补贴", "医保报销", "办证明", "生育登记");
        List<String> centers = List.of("xiaojie", "fenghuangshan", "beijinglu", "qianxing", "dongzhan", "jinmasi");
        Duration ten = Duration.ofSeconds(10);
        drive("warm-up (catalogue + opening)", CLIENTS, 0, Duration.ofSeconds(5), i -> request(port(i),
                (i % 2 == 0 ? "/api/v1/centers/xiaojie/catalog/search?q=" + java.net.URLEncoder.encode(queries.get(i % 8),
                        java.nio.charset.StandardCharsets.UTF_8) : "/api/v1/centers/xiaojie/opening"), null).build(),
                null, java.util.Set.of());
        List<String> searches = new ArrayList<>();
        List<String> openings = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (String c : centers) {
            openings.add("/api/v1/centers/" + c + "/opening");
            pages.add("/centers/" + c);
            for (String q : queries) {
                searches.add("/api/v1/centers/" + c + "/catalog/search?q="
                        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Mix search = wrk("catalogue search", CLIENTS, searches);
        Mix opening = wrk("opening reads", CLIENTS, openings);
        wrk("resident home page (/centers/{code})", CLIENTS, pages);
        drive("catalogue search (Java client)", CLIENTS, 0, ten, i -> request(port(i), searches.get(i % searches.size()),
                null).build(), null, java.util.Set.of());

        // registration burst: 1,000 residents, 100 places, one activity
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            phones.add("1398700%04d".formatted(i));
        }
        List<String> residents = signIn(phones);
        long burst = activity(a, staff, 100, 20);
        Mix registrations = drive("activity registration burst (1,000 residents, 100 places)", CLIENTS,
                residents.size(), Duration.ZERO, i -> register(burst, residents.get(i), i), null, java.util.Set.of());
        long pgAct = activity(a, staff, 100, 21);
        String pgOut = pgbench(pgAct, residents.size());
        double pgTps = number(pgOut, "tps = ([\\d.]+)");
        double pgLatency = number(pgOut, "latency average = ([\\d.]+) ms");

        // recruitment sign-up burst: the demo's volunteers at 凤凰山, 30 places
        List<String> volunteerPhones = db.sql("""
                select a.phone from volunteer v join account a on a.id = v.account_id
                 where v.center_code = 'fenghuangshan' and v.status = 'ACTIVE' and a.phone is not null
                 order by v.id""").query(String.class).list();
        List<String> volunteers = signIn(volunteerPhones);
        OffsetDateTime rStart = OffsetDateTime.now(SHANGHAI).plusDays(12).withHour(9).withMinute(0).withSecond(0).withNano(0);
        HttpResponse<String> rec = a.send("POST", "/api/v1/centers/fenghuangshan/recruitments", staff, """
                {"title":"压测招募","startsAt":"%s","endsAt":"%s","needed":30}""".formatted(rStart, rStart.plusHours(2)));
        long recruitment = Http.json(rec).get("id").asLong();
        drive("recruitment sign-up burst (" + volunteers.size() + " volunteers, 30 places)", CLIENTS, volunteers.size(),
                Duration.ZERO, i -> request(port(i), "/api/v1/recruitments/" + recruitment + "/signups",
                        volunteers.get(i)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), null, java.util.Set.of());

        // redemptions: each volunteer shows a code (token) and the bakery's operator redeems a bread
        String operator = a.token("fhs-bakery-operator");
        Mix redeem = redemptions("points redemptions (token + redeem)", volunteers, operator, 0, null);

        line("");
        line("## Against PostgreSQL alone, same run");
        line("");
        line(String.format("- registrations: Linli %.0f/s over HTTP vs pgbench %.0f tps with the same statements on one "
                + "activity (%d clients, latency average %.1f ms): **ratio %.2f**; Linli p99 %.1f ms.",
                registrations.rate(), pgTps, CLIENTS, pgLatency, registrations.rate() / pgTps,
                registrations.p99() / 1000.0));
        line(String.format("- catalogue search %.0f/s and opening reads %.0f/s in total, i.e. %.0f and %.0f per instance "
                + "(target ≥ 2,000 per instance).", search.rate(), opening.rate(), search.rate() / 2,
                opening.rate() / 2));
        line(String.format("- redemptions %.0f/s (each is two requests: the volunteer's code and the redemption).",
                redeem.rate()));

        faults(a, staff, phones, residents, volunteers, operator);
        memory();
    }

    Mix redemptions(String name, List<String> volunteers, String operator, int offset, List<Outcome> kept)
            throws Exception {
        return drive(name, CLIENTS, volunteers.size(), Duration.ZERO, i -> {
            Outcome token = send(request(port(i + offset), "/api/v1/me/points/token", volunteers.get(i))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            String code = token.status() == 201 ? Http.jsonOf(token.body()).get("token").asString() : "none";
            return request(port(i + offset + 1), "/api/v1/merchants/fhs-bakery/redemptions", operator)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"volunteerToken\":\"" + code
                            + "\",\"offerCode\":\"bread\"}")).build();
        }, kept, java.util.Set.of(409));
    }

    void faults(Api a, String staff, List<String> phones, List<String> residents, List<String> volunteers,
            String operator) throws Exception {
        line("");
        line("## Faults");
        line("");
        // SIGKILL the second instance in the middle of a registration burst and a redemption mix
        long act = activity(a, staff, 100, 22);
        List<Outcome> registrationOutcomes = Collections.synchronizedList(new ArrayList<>());
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(400);
                Process b = instances.get("b");
                b.destroyForcibly(); // SIGKILL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Outcome> redemptionOutcomes = Collections.synchronizedList(new ArrayList<>());
        Thread redeeming = Thread.ofVirtual().start(() -> {
            try {
                redemptions("redemptions while b is killed", volunteers, operator, 1, redemptionOutcomes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<Integer, Integer> firstAnswer = new java.util.concurrent.ConcurrentHashMap<>();
        drive("registrations while b is killed (SIGKILL pid " + instances.get("b").pid() + ")", CLIENTS,
                residents.size(), Duration.ZERO, i -> register(act, residents.get(i), i), registrationOutcomes,
                java.util.Set.of(), (i, o) -> firstAnswer.put(i, o.status()));
        killer.join();
        redeeming.join();
        long answered = firstAnswer.values().stream().filter(st -> st / 100 == 2).count();
        long refusedConnections = firstAnswer.values().stream().filter(st -> st == 0).count();
        // every resident asks again on a: 409 ALREADY_REGISTERED when the first request was recorded (even if
        // its answer died with b), 201 when it never was; a first 2xx answered by a new 201 would be a lost one
        Map<Integer, Long> retried = new java.util.TreeMap<>();
        long lost = 0;
        for (int i = 0; i < residents.size(); i++) {
            int again = send(register(act, residents.get(i), 0)).status();
            retried.merge(again, 1L, Long::sum);
            if (firstAnswer.getOrDefault(i, 0) / 100 == 2 && again != 409) {
                lost++;
            }
        }
        startInstance("b", false);
        Map<String, Object> activityRow = db.sql("select capacity, confirmed, waitlisted from activity where id = ?")
                .param(act).query().singleRow();
        long live = db.sql("select count(*) from activity_registration where activity_id = ? and status <> 'CANCELLED'")
                .param(act).query(Long.class).single();
        long distinct = db.sql("""
                select count(distinct account_id) from activity_registration where activity_id = ? and status <> 'CANCELLED'""")
                .param(act).query(Long.class).single();
        long confirmed = db.sql("select count(*) from activity_registration where activity_id = ? and status = 'CONFIRMED'")
                .param(act).query(Long.class).single();
        long unbalanced = db.sql("""
                select count(*) from points_account a
                 where a.balance <> (select coalesce(sum(e.amount), 0) from points_entry e where e.account_id = a.id)""")
                .query(Long.class).single();
        long unbalancedTx = db.sql("""
                select count(*) from (select transaction_id from points_entry group by transaction_id having sum(amount) <> 0) x""")
                .query(Long.class).single();
        long doubleNotices = db.sql("""
                select count(*) from (select account_id, kind, source_id from notification where source_id is not null
                 group by account_id, kind, source_id having count(*) > 1) x""").query(Long.class).single();
        line(String.format("- SIGKILL of b during a burst of %d registrations and %d redemptions: %d answered 2xx "
                + "(%d of them lost), %d connections cut; every resident then asked again on a: %s. "
                + "Afterwards %d live registrations for %d distinct residents (one each, none doubled, none lost), "
                + "%d confirmed = the counter %s (capacity %s), waitlist counter %s; points accounts whose balance "
                + "differs from their entries: %d; transactions whose entries do not sum to zero: %d; notifications "
                + "twice for one cause: %d. b restarted and ready again.",
                residents.size(), volunteers.size(), answered, lost, refusedConnections, retried,
                live, distinct, confirmed, activityRow.get("confirmed"), activityRow.get("capacity"),
                activityRow.get("waitlisted"), unbalanced, unbalancedTx, doubleNotices));
        assertThat(lost).as("no confirmed registration lost").isZero();
        assertThat(live).as("none doubled").isEqualTo(distinct);
        assertThat(live).as("every resident registered exactly once after retrying").isEqualTo(residents.size());
        assertThat(confirmed).isEqualTo(((Number) activityRow.get("confirmed")).longValue());
        assertThat(unbalanced).isZero();
        assertThat(unbalancedTx).isZero();

        notificationsWhileKilled(act, phones, residents);

        // PostgreSQL restarted under load
        String volunteer = volunteers.get(0);
        List<Outcome> outage = Collections.synchronizedList(new ArrayList<>());
        Thread restarter = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(3000);
                pg.close();
                Thread.sleep(3000);
                pg = startPostgres();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        drive("points reads while PostgreSQL restarts", 16, 0, Duration.ofSeconds(14),
                i -> request(port(i), "/api/v1/me/points", volunteer).build(), outage, java.util.Set.of(503));
        restarter.join();
        long clean503 = outage.stream().filter(o -> o.status() == 503 && o.body().contains("DATABASE_UNAVAILABLE"))
                .count();
        long other = outage.stream().filter(o -> o.status() != 200 && o.status() != 503).count();
        int after = status(port(0), "/api/v1/centers/xiaojie/opening") + status(port(1), "/api/v1/centers/xiaojie/opening");
        line(String.format("- PostgreSQL stopped for 3 s under 16 clients: %d answers 200, %d clean 503 "
                + "(problem details, DATABASE_UNAVAILABLE, Retry-After), %d other; afterwards both instances answer %s "
                + "without a restart.", outage.stream().filter(o -> o.status() == 200).count(), clean503, other,
                after == 400 ? "200" : "not yet (" + after + ")"));
    }

    /**
     * Notices due while b dies: the confirmed residents cancel, each cancellation promotes the head of the
     * waitlist, who is told in the app and by SMS; b is killed in the middle. Afterwards every promoted
     * resident holds exactly one notice, and no text went out twice.
     */
    void notificationsWhileKilled(long act, List<String> phones, List<String> residents) throws Exception {
        List<String> leaving = db.sql("""
                select a.phone from activity_registration r join account a on a.id = r.account_id
                 where r.activity_id = ? and r.status = 'CONFIRMED'""").param(act).query(String.class).list().stream()
                .map(phone -> residents.get(phones.indexOf(phone))).toList();
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                instances.get("b").destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Map<Integer, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        drive("cancellations while b is killed again (each promotes one from the waitlist)", 16, leaving.size(),
                Duration.ZERO, i -> request(port(i), "/api/v1/activities/" + act + "/registrations/me", leaving.get(i))
                        .DELETE().build(), null, java.util.Set.of(), (i, o) -> answers.put(i, o.status()));
        killer.join();
        Map<Integer, Long> retried = new java.util.TreeMap<>();
        for (var e : answers.entrySet()) {
            if (e.getValue() == 0) {
                int again = send(request(port(0), "/api/v1/activities/" + act + "/registrations/me",
                        leaving.get(e.getKey())).DELETE().build()).status();
                retried.merge(again, 1L, Long::sum);
            }
        }
        startInstance("b", false);
        for (int i = 0; i < 240 && db.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() > 0; i++) {
            Thread.sleep(250);
        }
        long pending = db.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
        List<Long> promoted = db.sql("""
                select id from activity_registration
                 where activity_id = ? and status = 'CONFIRMED' and waitlist_number is not null""").param(act)
                .query(Long.class).list();
        long notices = promoted.isEmpty() ? 0 : db.sql("""
                select count(*) from notification where kind = 'WAITLIST_PROMOTED' and source_id in (:sources)""")
                .param("sources", promoted.stream().map(id -> "activity-registration:" + id).toList())
                .query(Long.class).single();
        long textsTwice = db.sql("""
                select count(*) from (select to_phone, text from sms_message group by to_phone, text having count(*) > 1) x""")
                .query(Long.class).single();
        long sent = db.sql("""
                select count(*) from notification where kind = 'WAITLIST_PROMOTED' and sms_sent_at is not null""")
                .query(Long.class).single();
        line(String.format("- SIGKILL of b again while %d confirmed residents cancel: answers %s, cut requests retried "
                + "on a: %s; after b restarted and the outstanding events were delivered (%d left): %d residents "
                + "promoted from the waitlist, %d promotion notices — one each; %d of them sent by SMS so far (quiet "
                + "hours respected); texts sent twice to one number: %d.", leaving.size(),
                new java.util.TreeMap<>(answers.values().stream().collect(java.util.stream.Collectors.groupingBy(
                        st -> st, java.util.stream.Collectors.counting()))), retried, pending, promoted.size(),
                notices, sent, textsTwice));
        assertThat(promoted).hasSize(leaving.size());
        assertThat(notices).as("every promoted resident told exactly once").isEqualTo(promoted.size());
        assertThat(textsTwice).isZero();
    }

    void memory() {
        line("");
        line("## Memory");
        line("");
        for (var e : ports.entrySet()) {
            Outcome metrics = send(request(e.getValue(), "/actuator/prometheus", null).build());
            double used = 0;
            double max = 0;
            for (String row : metrics.body().split("\n")) {
                if (row.startsWith("jvm_memory_used_bytes{") && row.contains("area=\"heap\"")) {
                    used += Double.parseDouble(row.substring(row.lastIndexOf(' ') + 1));
                }
                if (row.startsWith("jvm_memory_max_bytes{") && row.contains("area=\"heap\"")) {
                    double v = Double.parseDouble(row.substring(row.lastIndexOf(' ') + 1));
                    max += v > 0 ? v : 0;
                }
            }
            line(String.format("- instance %s: heap in use at the end %.0f MB of %.0f MB; still running: %s", e.getKey(),
                    used / 1e6, max / 1e6, instances.get(e.getKey()).isAlive()));
        }
    }
}
