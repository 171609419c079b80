package org.linli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labelled query set for catalogue search (issue 6) was written before any search code and is
 * never tuned against. This guards its integrity: enough queries, no duplicates, and every expected
 * item is a real item of the district template data in ../shared/data/service-items.csv.
 */
class SearchQuerySetTest {

    static List<String[]> queries() throws IOException {
        try (InputStream in = SearchQuerySetTest.class.getResourceAsStream("/catalog/search-queries-v1.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1)).toList();
        }
    }

    @Test
    void theSetIsLargeEnoughAndHasNoDuplicateQueries() throws IOException {
        List<String[]> queries = queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(150);
        assertThat(queries).allSatisfy(q -> assertThat(q.length).as(String.join("|", q)).isBetween(2, 3));
        Set<String> seen = new HashSet<>();
        assertThat(queries).allSatisfy(q -> assertThat(seen.add(q[0])).as("duplicate query " + q[0]).isTrue());
    }

    @Test
    void everyExpectedItemIsAnItemOfTheDistrictTemplate() throws IOException {
        Set<String> names = Files.readAllLines(Path.of("../shared/data/service-items.csv"), StandardCharsets.UTF_8)
                .stream().skip(1).map(line -> line.split(",", 3)[1]).collect(Collectors.toSet());
        assertThat(names).hasSizeGreaterThanOrEqualTo(80);
        for (String[] q : queries()) {
            assertThat(names).as("expected item of query " + q[0]).contains(q[1]);
            if (q.length == 3 && !q[2].isBlank()) {
                Arrays.stream(q[2].split("\\|")).forEach(also -> assertThat(names).as("alternative of " + q[0])
                        .contains(also));
            }
        }
    }
}
