package org.linli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo district's year (凤凰山: 86 activities and about 4,000 person-times; the other eleven pilots
 * scaled down) through the dashboard: time to rebuild the read tables from every module's history, and
 * the time to answer the whole district's dashboard, the twelve pilots side by side, one center, and the
 * comparison as a register spreadsheet,
 * over HTTP, 30 times each after 5 warm-ups. Runs only when named:
 * {@code ./mvnw -o test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LinliWebTest
class DashboardBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWholeDistrict() {
        Api api = new Api(port);
        String district = api.token("district-admin");
        long t0 = System.nanoTime();
        HttpResponse<String> rebuilt = api.send("POST", "/api/v1/dashboard/rebuild", district, null);
        long rebuildMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(rebuilt.statusCode()).isEqualTo(200);
        long attendance = jdbc.sql("select coalesce(sum(value), 0) from dash_fact where metric = 'ATTENDANCE'")
                .query(Long.class).single();
        long activities = jdbc.sql("select coalesce(sum(value), 0) from dash_fact where metric = 'ACTIVITIES'")
                .query(Long.class).single();
        long rows = jdbc.sql("select count(*) from dash_fact").query(Long.class).single();
        System.out.printf("dashboard benchmark: rebuild %d ms, %d fact rows, %d activities, %d person-times%n",
                rebuildMs, rows, activities, attendance);
        for (String path : List.of("/api/v1/centers/guandu/dashboard", "/api/v1/centers/guandu/dashboard/compare",
                "/api/v1/centers/fenghuangshan/dashboard", "/api/v1/centers/guandu/dashboard/compare.xlsx")) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = api.get(path, district);
                long ms = (System.nanoTime() - s) / 1_000_000;
                assertThat(r.statusCode()).isEqualTo(200);
                if (i >= 5) {
                    times.add(ms);
                }
            }
            Collections.sort(times);
            System.out.printf("dashboard benchmark: %s p50 %d ms, p95 %d ms, max %d ms%n", path,
                    times.get(times.size() / 2), times.get(times.size() * 95 / 100), times.get(times.size() - 1));
        }
    }
}
