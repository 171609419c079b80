package org.linli.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of the catalogue API. */
final class Views {

    private Views() {
    }

    static Map<String, Object> guide(CatalogReader.GuideView g) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", g.code());
        body.put("name", g.name());
        body.put("kind", g.kind());
        body.put("category", g.category());
        body.put("categoryName", g.categoryName());
        body.put("referral", g.referral());
        body.put("referralTo", g.referral() ? g.referralTo() : null);
        body.put("conditions", g.conditions());
        body.put("materials", g.materials());
        body.put("legalBasis", g.legalBasis());
        body.put("timeLimit", g.timeLimit());
        body.put("fees", g.fees());
        body.put("channels", g.channels());
        body.put("place", g.place());
        body.put("hours", g.hours());
        body.put("phone", g.phone());
        body.put("staffContact", g.staffContact());
        body.put("upstreamDepartment", g.kind() == org.linli.catalog.ItemKind.PROXY || g.referral()
                ? g.upstreamDepartment() : null);
        body.put("notes", g.notes());
        body.put("situations", g.situations());
        body.put("fields", g.fields());
        body.put("sample", g.sample());
        body.put("local", g.local());
        body.put("sources", g.sources());
        body.put("centerCode", g.centerCode());
        return body;
    }

    static Map<String, Object> editorSummary(CatalogItem item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", item.code());
        body.put("name", item.name());
        body.put("category", item.category());
        body.put("kind", item.defaultKind());
        body.put("referral", item.referral());
        body.put("published", item.published());
        body.put("sample", item.guide().sample());
        body.put("version", item.version());
        body.put("missing", item.guide().missingFor(item.defaultKind(), item.referral()));
        return body;
    }

    static Map<String, Object> editor(CatalogItem item) {
        Map<String, Object> body = editorSummary(item);
        body.put("ownerCenter", item.ownerCenter());
        body.put("guide", item.guide());
        return body;
    }
}
