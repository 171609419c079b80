package org.linli.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linli.centers.Centers;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side search latency on the demo district (the whole template, every center's adoptions),
 * over the labelled queries of both sets plus odd input. A benchmark, not a test: it asserts nothing
 * about time and runs only when asked (its name does not end in Test/Tests):
 * {@code ./mvnw -o test -Dtest=CatalogSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to target/benchmarks/catalog-search.txt and docs/benchmarks.md.
 */
@LinliWebTest
class CatalogSearchBenchmark {

    @Autowired
    CatalogReader reader;

    @Autowired
    Centers centers;

    @Autowired
    SearchIndex index;

    @Test
    void searchLatency() throws IOException {
        List<String> queries = new ArrayList<>();
        for (String set : List.of("/catalog/search-queries-v1.tsv", "/catalog/search-queries-v2.tsv")) {
            try (InputStream in = getClass().getResourceAsStream(set)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> queries.add(l.split("\t")[0]));
            }
        }
        queries.addAll(List.of("", "😀", "' OR 1=1 --", "社".repeat(500), "a".repeat(500)));
        List<String> codes = centers.all().stream().map(c -> c.code().value()).toList();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) { // warm-up: JIT
            reader.search(codes.get(random.nextInt(codes.size())), queries.get(random.nextInt(queries.size())), 10,
                    Locale.CHINA);
        }
        int runs = 50_000;
        long[] nanos = new long[runs];
        int found = 0;
        for (int i = 0; i < runs; i++) {
            String center = codes.get(random.nextInt(codes.size()));
            String q = queries.get(random.nextInt(queries.size()));
            long t0 = System.nanoTime();
            found += reader.search(center, q, 10, Locale.CHINA).isEmpty() ? 0 : 1;
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        long t0 = System.nanoTime();
        index.rebuild();
        long rebuild = System.nanoTime() - t0;
        String report = String.format(Locale.ROOT,
                "catalogue search, %d centers, %d items in the index, %d distinct queries, %d timed searches%n"
                        + "p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms; %d%% returned results%n"
                        + "index rebuild %.1f ms%n",
                codes.size(), index.current().engine().size(), queries.size(), runs, ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), nanos[runs - 1] / 1e6, found * 100 / runs, rebuild / 1e6);
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/catalog-search.txt"), report);
        assertThat(found).isPositive();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
