package org.linli.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.centers.Center;
import org.linli.centers.CenterPageSection;
import org.springframework.stereotype.Component;

/** On a center's page: search its services, or browse them by category. */
@Component
class CatalogSection implements CenterPageSection {

    private final CatalogReader reader;

    CatalogSection(CatalogReader reader) {
        this.reader = reader;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String template() {
        return "catalog/section";
    }

    @Override
    public Map<String, Object> model(Center center, Locale locale) {
        List<CatalogReader.CategoryCount> categories = reader.categories(center.code().value(), locale);
        return Map.of("code", center.code().value(), "categories", categories,
                "total", categories.stream().mapToInt(CatalogReader.CategoryCount::count).sum());
    }
}
