package org.linli.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linli.catalog.Catalog;
import org.linli.catalog.FormField;
import org.linli.catalog.ItemKind;
import org.linli.catalog.PublishedItem;
import org.linli.catalog.TimeLimit;
import org.linli.catalog.internal.search.SearchEngine;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;

/** What residents (and other modules) read of a center's catalogue: search, browse, guides. */
@Service
class CatalogReader implements Catalog {

    static final int MAX_LIMIT = 50;

    private final CatalogRepository repository;
    private final SearchIndex index;
    private final Centers centers;
    private final Categories categories;

    CatalogReader(CatalogRepository repository, SearchIndex index, Centers centers, Categories categories) {
        this.repository = repository;
        this.index = index;
        this.centers = centers;
        this.categories = categories;
    }

    record Summary(String code, String name, ItemKind kind, String category, String categoryName, boolean referral,
            Double score) {
    }

    record Question(String key, List<String> answers) {
    }

    /** A guide as one center publishes it: the template's content with the center's local details. */
    record GuideView(String code, String name, ItemKind kind, String category, String categoryName, boolean referral,
            String referralTo, String conditions, List<Guide.Material> materials, String legalBasis,
            TimeLimit timeLimit, String fees, List<Guide.Channel> channels, String place, String hours, String phone,
            String staffContact, String upstreamDepartment, String notes, List<Question> situations,
            List<FormField> fields, boolean sample, boolean local, List<String> sources, String centerCode,
            String centerName) {

        List<Guide.Material> materialsFor(Map<String, String> answers) {
            return materials.stream().filter(m -> m.applies(answers)).toList();
        }
    }

    @Override
    public Optional<PublishedItem> published(String centerCode, String itemCode) {
        return find(centerCode, itemCode).map(pair -> {
            Guide g = pair.item().guide();
            Map<String, List<String>> situations = new LinkedHashMap<>();
            g.questions().forEach(q -> situations.put(q.key(), q.answers()));
            return new PublishedItem(centerCode, pair.item().code(), pair.item().name(), pair.item().category(),
                    pair.adoption().kind(), pair.item().referral(), g.timeLimit(), g.fields(), g.upstreamDepartment(),
                    situations, g.materials().stream().map(m -> new PublishedItem.Material(m.name(), m.when())).toList());
        });
    }

    List<Summary> search(String centerCode, String query, int limit, Locale locale) {
        centers.require(centerCode);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LinliException.invalidField("limit", "LIMIT_OUT_OF_RANGE", 1, MAX_LIMIT);
        }
        SearchIndex.Snapshot snapshot = index.current();
        List<SearchEngine.Hit> hits = snapshot.engine()
                .search(query, code -> snapshot.shows(centerCode, code), limit);
        List<Summary> results = new ArrayList<>();
        for (SearchEngine.Hit hit : hits) {
            CatalogItem item = snapshot.items().get(hit.code());
            Adoption adoption = snapshot.visible().get(centerCode).get(hit.code());
            results.add(new Summary(item.code(), item.name(), adoption.kind(), item.category(),
                    categories.label(item.category(), locale), item.referral(),
                    Math.round(hit.score() * 1000) / 1000.0));
        }
        return results;
    }

    record Browse(List<Summary> items, int page, int size, int total) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** The center's published items, by category then name, a page at a time. */
    Browse browse(String centerCode, String category, int page, int size, Locale locale) {
        centers.require(centerCode);
        if (category != null && !category.isBlank() && !Categories.known(category)) {
            throw LinliException.invalidField("category", "CATEGORY_UNKNOWN", category);
        }
        List<Summary> all = published(centerCode, locale).stream()
                .filter(s -> category == null || category.isBlank() || s.category().equals(category)).toList();
        int safeSize = Math.min(Math.max(size, 1), 100);
        int lastPage = Math.max(1, (all.size() + safeSize - 1) / safeSize);
        int safePage = Math.min(Math.max(page, 1), lastPage);
        int from = Math.min((safePage - 1) * safeSize, all.size());
        return new Browse(all.subList(from, Math.min(from + safeSize, all.size())), safePage, safeSize, all.size());
    }

    record CategoryCount(String code, String name, int count) {
    }

    List<CategoryCount> categories(String centerCode, Locale locale) {
        centers.require(centerCode);
        Map<String, Integer> counts = new LinkedHashMap<>();
        categories.codes().forEach(c -> counts.put(c, 0));
        published(centerCode, locale).forEach(s -> counts.merge(s.category(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new CategoryCount(e.getKey(), categories.label(e.getKey(), locale), e.getValue())).toList();
    }

    private List<Summary> published(String centerCode, Locale locale) {
        SearchIndex.Snapshot snapshot = index.current();
        return snapshot.visible().getOrDefault(centerCode, Map.of()).values().stream()
                .map(a -> {
                    CatalogItem item = snapshot.items().get(a.itemCode());
                    return new Summary(item.code(), item.name(), a.kind(), item.category(),
                            categories.label(item.category(), locale), item.referral(), null);
                })
                .sorted((a, b) -> {
                    int byCategory = Integer.compare(Categories.CODES.indexOf(a.category()),
                            Categories.CODES.indexOf(b.category()));
                    return byCategory != 0 ? byCategory : a.code().compareTo(b.code());
                })
                .toList();
    }

    /** The whole guide as the center publishes it (read from the database, so always current). */
    GuideView guide(String centerCode, String itemCode, Locale locale) {
        Center center = centers.require(centerCode);
        Pair pair = find(centerCode, itemCode)
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
        CatalogItem item = pair.item();
        Adoption adoption = pair.adoption();
        Guide g = item.guide();
        String place = blank(adoption.windowName()) ? g.place() : adoption.windowName();
        String phone = blank(adoption.phone()) ? center.phone() : adoption.phone();
        String hours = blank(adoption.hours()) ? g.hours() : adoption.hours();
        return new GuideView(item.code(), item.name(), adoption.kind(), item.category(),
                categories.label(item.category(), locale), item.referral(), orNull(g.referralTo()), g.conditions(),
                g.materials(), orNull(g.legalBasis()), g.timeLimit(), g.fees(), g.channels(), orNull(place),
                orNull(hours), orNull(phone), orNull(adoption.staffContact()), orNull(g.upstreamDepartment()),
                orNull(g.notes()),
                g.questions().stream().map(q -> new Question(q.key(), q.answers())).toList(), g.fields(), g.sample(),
                item.local(), g.sources(), centerCode, center.name(locale));
    }

    private record Pair(CatalogItem item, Adoption adoption) {
    }

    private Optional<Pair> find(String centerCode, String itemCode) {
        if (itemCode == null || !itemCode.matches("[A-Za-z0-9][A-Za-z0-9-]{1,39}")) {
            return Optional.empty();
        }
        return repository.adoption(centerCode, itemCode).filter(Adoption::published)
                .flatMap(a -> repository.item(itemCode).filter(CatalogItem::published).map(i -> new Pair(i, a)));
    }

    private static String orNull(String s) {
        return blank(s) ? null : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
