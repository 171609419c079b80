package org.linli.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linli ships colloquial names for search, in every mode: {@code synonyms.csv} (common names of
 * service items, e.g. 低保 → 最低生活保障) and {@code colloquial-words.csv} (everyday words for official
 * ones, e.g. 丢 → 补领). A file is loaded again only when its content changed, so a new release adds its
 * words while a word staff deleted stays deleted.
 */
@Component
@Order(1)
class ShippedSynonyms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedSynonyms.class);
    static final List<String> FILES = List.of("synonyms.csv", "colloquial-words.csv");

    private final CatalogRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SearchIndex index;

    ShippedSynonyms(CatalogRepository repository, JdbcClient jdbc, TransactionTemplate transactions,
            SearchIndex index) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String file : FILES) {
            String content = read("/catalog/" + file);
            String sha = sha256(content);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-synonyms'))").query().singleRow();
                boolean loaded = jdbc.sql("select count(*) from catalog_shipped_file where name = :name and sha256 = :sha")
                        .param("name", file).param("sha", sha).query(Integer.class).single() > 0;
                if (loaded) {
                    return;
                }
                int added = 0;
                for (String line : content.lines().skip(1).toList()) {
                    String[] parts = line.split(",", 2);
                    if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                            && repository.addSynonym(parts[0].trim(), parts[1].trim(), true, null)) {
                        added++;
                    }
                }
                jdbc.sql("""
                        insert into catalog_shipped_file (name, sha256) values (:name, :sha)
                        on conflict (name) do update set sha256 = excluded.sha256, loaded_at = now()
                        """).param("name", file).param("sha", sha).update();
                log.info("Loaded {} colloquial words from the shipped {}", added, file);
            });
        }
        index.rebuild();
    }

    static String read(String resource) {
        try (InputStream in = ShippedSynonyms.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
