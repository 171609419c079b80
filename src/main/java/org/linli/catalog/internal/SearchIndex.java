package org.linli.catalog.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.catalog.internal.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-memory search index of this instance. Every catalogue edit bumps one revision row in the
 * same transaction; each instance polls that row (a primary-key read) every second and rebuilds when
 * it moved, and the instance that made an edit rebuilds right after the commit.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** What search reads: the engine, and which items each center shows, with its kind. */
    record Snapshot(long revision, SearchEngine engine, Map<String, CatalogItem> items,
            Map<String, Map<String, Adoption>> visible) {

        boolean shows(String centerCode, String itemCode) {
            return visible.getOrDefault(centerCode, Map.of()).containsKey(itemCode);
        }
    }

    private final CatalogRepository repository;
    private final Categories categories;
    private volatile Snapshot snapshot;

    SearchIndex(CatalogRepository repository, Categories categories) {
        this.repository = repository;
        this.categories = categories;
    }

    Snapshot current() {
        Snapshot current = snapshot;
        return current != null ? current : rebuild();
    }

    long revision() {
        Snapshot current = snapshot;
        return current == null ? -1 : current.revision();
    }

    @Scheduled(fixedDelayString = "${linli.catalog.refresh-interval:1s}", initialDelayString = "1s")
    void refreshIfChanged() {
        Snapshot current = snapshot;
        if (current == null || repository.revision() != current.revision()) {
            rebuild();
        }
    }

    /** Rebuild once the current transaction commits (or now, outside one). */
    void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rebuild();
                }
            });
        } else {
            rebuild();
        }
    }

    synchronized Snapshot rebuild() {
        // the revision is read first: data read after it is at least as new, so no edit is missed
        long revision = repository.revision();
        List<CatalogItem> items = repository.items();
        Map<String, CatalogItem> byCode = new HashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        Map<String, Map<String, Adoption>> visible = new HashMap<>();
        for (Adoption adoption : repository.allAdoptions()) {
            CatalogItem item = byCode.get(adoption.itemCode());
            if (adoption.published() && item != null && item.published()) {
                visible.computeIfAbsent(adoption.centerCode(), c -> new HashMap<>()).put(item.code(), adoption);
            }
        }
        Set<String> searchable = new HashSet<>();
        visible.values().forEach(m -> searchable.addAll(m.keySet()));
        List<SearchEngine.Document> documents = items.stream().filter(i -> searchable.contains(i.code()))
                .map(i -> new SearchEngine.Document(i.code(), i.name(), categories.label(i.category(), Locale.CHINA)))
                .toList();
        List<SearchEngine.Synonym> synonyms = repository.synonyms().stream()
                .map(s -> new SearchEngine.Synonym(s.colloquial(), s.official())).toList();
        Snapshot next = new Snapshot(revision, new SearchEngine(documents, synonyms), Map.copyOf(byCode),
                Map.copyOf(visible));
        snapshot = next;
        log.debug("catalogue search index rebuilt at revision {} ({} items)", revision, documents.size());
        return next;
    }
}
