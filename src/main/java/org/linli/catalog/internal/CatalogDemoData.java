package org.linli.catalog.internal;

import java.util.List;
import java.util.Set;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue: the district template holds the 85 items of the report's lists plus the
 * certificates communities must not issue (referrals), all published with sample guides. Every center
 * adopts and publishes them all, except 小街, which publishes exactly 30 items handled here and 25 by
 * proxy (as the report says) plus the referrals; ten items 小街 carries to the department by proxy are
 * handled directly elsewhere. 北京路 has a local item of its own.
 */
@Component
@DemoOnly
class CatalogDemoData implements DemoDataSet {

    static final String TEMPLATE = "/catalog/district-template.json";

    /** Handled directly by the template (and elsewhere), by proxy at 小街. */
    static final Set<String> XIAOJIE_PROXY = Set.of("MI-06", "DA-01", "DA-06", "DA-07", "SA-01", "SA-02", "SA-03",
            "SA-05", "EL-01", "EL-02");

    /** Adopted but not published at 小街, which leaves 30 GOVERNMENT and 25 PROXY items on its list. */
    static final Set<String> XIAOJIE_HIDDEN = Set.of("SI-04", "EM-03", "EM-04", "MI-07", "MI-08", "MI-11", "SA-04",
            "SA-06", "EL-03", "BF-06", "VA-05", "VA-06", "VA-07", "PM-02", "PM-05", "FU-01", "FU-02", "SA-09", "SA-10",
            "MI-12", "MI-13", "SI-14");

    private final CatalogRepository repository;
    private final Centers centers;
    private final JsonMapper json;

    CatalogDemoData(CatalogRepository repository, Centers centers, JsonMapper json) {
        this.repository = repository;
        this.centers = centers;
        this.json = json;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public void load() {
        List<CatalogItem> template = template(json);
        template.forEach(item -> repository.insert(item, null));
        for (Center center : centers.all()) {
            String code = center.code().value();
            boolean xiaojie = code.equals("xiaojie");
            for (CatalogItem item : template) {
                ItemKind kind = xiaojie && XIAOJIE_PROXY.contains(item.code()) ? ItemKind.PROXY : item.defaultKind();
                boolean published = !(xiaojie && XIAOJIE_HIDDEN.contains(item.code()));
                String window = xiaojie ? (kind == ItemKind.PROXY ? "2号代办窗口" : "1号综合受理窗口") : null;
                String contact = xiaojie && item.category().equals("SOCIAL_INSURANCE") ? "社保专干 周老师" : null;
                repository.save(new Adoption(code, item.code(), kind, published, window, null, null, contact));
            }
        }
        CatalogItem local = new CatalogItem(repository.nextLocalCode(), "beijinglu", "共享自习室使用登记", "LOCAL", ItemKind.GOVERNMENT,
                false, new Guide("本辖区居民及在本社区学习、工作的人员均可登记使用。",
                        List.of(new Guide.Material("居民身份证或学生证", Guide.Form.ORIGINAL, 1, "首次登记时出示", null)),
                        "", new TimeLimit(0, TimeLimit.Unit.ON_THE_SPOT), "免费",
                        List.of(Guide.Channel.WINDOW, Guide.Channel.ONLINE), "北京路党群服务中心二楼自习室前台",
                        "每天 08:00–22:00（法定节假日除外）", "", "", "示例：北京路中心自行设立的本地服务事项。", List.of(),
                        List.of(), true, List.of()), true, 0);
        repository.insert(local, null);
        repository.save(new Adoption("beijinglu", local.code(), ItemKind.GOVERNMENT, true, "二楼自习室前台", null, null,
                null));
    }

    static List<CatalogItem> template(JsonMapper json) {
        JsonNode root = json.readTree(ShippedSynonyms.read(TEMPLATE));
        return root.get("items").valueStream().map(node -> new CatalogItem(node.get("code").asString(), null,
                node.get("name").asString(), node.get("category").asString(),
                ItemKind.valueOf(node.get("kind").asString()), node.get("referral").asBoolean(),
                json.treeToValue(node.get("guide"), Guide.class), true, 0)).toList();
    }
}
