package org.linli.dashboard.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes facts into the read table, each event fact once (its key is remembered). */
@Component
class DashboardFacts {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    DashboardFacts(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Writes many facts at once into empty tables (the rebuild): summed in memory, then two batches.
     * Returns the number of fact rows written.
     */
    int addAll(List<Fact> facts) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        java.util.Map<List<Object>, Long> sums = new java.util.LinkedHashMap<>();
        for (Fact f : facts) {
            if (keys.add(f.key())) {
                sums.merge(List.of(f.centerCode(), f.day(), f.metric(), f.dim()), f.value(), Long::sum);
            }
        }
        template.batchUpdate("insert into dash_seen (key) values (?)",
                keys.stream().map(k -> new Object[] {k}).toList());
        template.batchUpdate("insert into dash_fact (center_code, day, metric, dim, value) values (?, ?, ?, ?, ?)",
                sums.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1),
                        e.getKey().get(2), e.getKey().get(3), e.getValue()}).toList());
        return sums.size();
    }

    void add(List<Fact> facts) {
        // a rebuild holds this lock exclusively: live facts wait for it, then find their keys counted
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtext('dashboard-rebuild'))").query((rs, n) -> 1).list();
        for (Fact f : facts) {
            int fresh = jdbc.sql("insert into dash_seen (key) values (?) on conflict do nothing").param(f.key())
                    .update();
            if (fresh == 1) {
                jdbc.sql("""
                        insert into dash_fact (center_code, day, metric, dim, value) values (?, ?, ?, ?, ?)
                        on conflict (metric, center_code, day, dim) do update set value = dash_fact.value + excluded.value""")
                        .params(f.centerCode(), f.day(), f.metric(), f.dim(), f.value()).update();
            }
        }
    }
}
