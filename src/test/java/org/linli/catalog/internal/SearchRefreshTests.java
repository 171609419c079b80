package org.linli.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Several instances share one database: another instance's index (a second {@link SearchIndex} over the
 * same database, as a second server would hold) picks up an edit on its next poll of the revision, and
 * concurrent edits of one item never overwrite each other.
 */
@LinliWebTest
class SearchRefreshTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogRepository repository;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    private static List<String> codes(SearchIndex index, String center, String q) {
        SearchIndex.Snapshot snapshot = index.current();
        return snapshot.engine().search(q, code -> snapshot.shows(center, code), 5).stream()
                .map(h -> h.code()).toList();
    }

    @Test
    void anotherInstanceSeesAnEditOnItsNextPoll() {
        SearchIndex other = new SearchIndex(repository, categories);
        other.rebuild();
        assertThat(codes(other, "fenghuangshan", "寿比南山钱")).doesNotContain("EL-02");
        SearchIndex.Snapshot before = other.current();
        other.refreshIfChanged();
        assertThat(other.current()).as("no rebuild while nothing changed").isSameAs(before);

        Api api = new Api(port);
        HttpResponse<String> added = api.send("POST", "/api/v1/catalog/synonyms", api.token("fenghuangshan-staff03"),
                "{\"colloquial\":\"寿比南山钱\",\"official\":\"高龄津贴\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(codes(other, "fenghuangshan", "寿比南山钱")).as("not polled yet").doesNotContain("EL-02");

        other.refreshIfChanged();
        assertThat(codes(other, "fenghuangshan", "寿比南山钱")).first().isEqualTo("EL-02");
        assertThat(other.revision()).isEqualTo(repository.revision());
    }

    @Test
    void concurrentEditsOfOneItemLetExactlyOneWin() throws Exception {
        Api api = new Api(port);
        String district = api.token("district-admin");
        JsonNode current = Http.json(api.get("/api/v1/catalog/template/FU-01", district));
        int version = current.get("version").asInt();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String body = "{\"name\":\"火化补助申领（第" + i + "版）\",\"category\":\"FUNERAL\",\"kind\":\"GOVERNMENT\","
                    + "\"referral\":false,\"version\":" + version + ",\"guide\":" + current.get("guide") + "}";
            Callable<Integer> edit = () -> {
                start.await();
                return api.send("PUT", "/api/v1/catalog/template/FU-01", district, body).statusCode();
            };
            results.add(pool.submit(edit));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(jdbc.sql("select version from catalog_item where code = 'FU-01'").query(Integer.class).single())
                .isEqualTo(version + 1);
    }
}
