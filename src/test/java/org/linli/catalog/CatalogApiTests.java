package org.linli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The catalogue through the contract's endpoints, on the demo district. */
@LinliWebTest
class CatalogApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    JsonNode get(String path) {
        HttpResponse<String> response = api().http().get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    List<JsonNode> search(String center, String q) {
        List<JsonNode> items = new ArrayList<>();
        get("/api/v1/centers/" + center + "/catalog/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .get("items").forEach(items::add);
        return items;
    }

    @Test
    void xiaojiePublishesThirtyItemsHandledHereAndTwentyFiveByProxyPlusTheReferrals() {
        JsonNode page = get("/api/v1/centers/xiaojie/catalog/items?size=100");
        int government = 0;
        int proxy = 0;
        int referrals = 0;
        for (JsonNode item : page.get("items")) {
            if (item.get("referral").asBoolean()) {
                referrals++;
            } else if (item.get("kind").asString().equals("GOVERNMENT")) {
                government++;
            } else {
                proxy++;
            }
        }
        assertThat(government).isEqualTo(30);
        assertThat(proxy).isEqualTo(25);
        assertThat(referrals).isEqualTo(20);
        assertThat(page.get("total").asInt()).isEqualTo(75);
        // every other demo center publishes the whole template: 85 items and 12 more referrals
        assertThat(get("/api/v1/centers/fenghuangshan/catalog/items?size=100").get("total").asInt()).isEqualTo(97);
        assertThat(get("/api/v1/centers/xiaojie/catalog/items?size=20&page=4").get("items")).hasSize(15);
    }

    @Test
    void oneTemplateItemIsHandledHereAtOneCenterAndByProxyAtAnother() {
        JsonNode atXiaojie = get("/api/v1/centers/xiaojie/catalog/items/DA-01");
        JsonNode atBeijinglu = get("/api/v1/centers/beijinglu/catalog/items/DA-01");
        assertThat(atXiaojie.get("name").asString()).isEqualTo("残疾人证新办");
        assertThat(atXiaojie.get("kind").asString()).isEqualTo("PROXY");
        assertThat(atXiaojie.get("upstreamDepartment").asString()).contains("残疾人联合会");
        assertThat(atBeijinglu.get("kind").asString()).isEqualTo("GOVERNMENT");
        assertThat(atBeijinglu.get("upstreamDepartment").isNull()).isTrue();
    }

    @Test
    void aGuideCarriesItsFormTimeLimitSituationsAndTheSampleNote() {
        JsonNode guide = get("/api/v1/centers/xiaojie/catalog/items/SA-01");
        assertThat(guide.get("name").asString()).isEqualTo("最低生活保障申请（低保）");
        assertThat(guide.get("timeLimit").get("value").asInt()).isEqualTo(20);
        assertThat(guide.get("timeLimit").get("unit").asString()).isEqualTo("WORKING_DAYS");
        JsonNode first = guide.get("fields").get(0);
        assertThat(first.has("name") && first.has("label") && first.has("type") && first.has("required")).isTrue();
        List<String> types = new ArrayList<>();
        guide.get("fields").forEach(f -> types.add(f.get("type").asString()));
        assertThat(types).contains("TEXT", "PHONE", "ID_NUMBER", "NUMBER");
        assertThat(guide.get("sample").asBoolean()).isTrue();
        assertThat(guide.get("materials").size()).isGreaterThan(2);
        assertThat(guide.get("place").asString()).isEqualTo("2号代办窗口");

        JsonNode self = get("/api/v1/centers/xiaojie/catalog/items/SA-01?applicant=SELF");
        JsonNode family = get("/api/v1/centers/xiaojie/catalog/items/SA-01?applicant=FAMILY");
        assertThat(family.get("materialsForSituation").size()).isEqualTo(self.get("materialsForSituation").size() + 2);
        assertThat(family.get("materialsForSituation").toString()).contains("授权委托书");
        assertThat(self.get("materialsForSituation").toString()).doesNotContain("授权委托书");

        JsonNode onTheSpot = get("/api/v1/centers/xiaojie/catalog/items/PM-01");
        assertThat(onTheSpot.get("timeLimit").get("unit").asString()).isEqualTo("ON_THE_SPOT");
    }

    @Test
    void searchFindsWhatResidentsType() {
        assertThat(search("xiaojie", "社保卡丢了").getFirst().get("name").asString())
                .isIn("社会保障卡临时挂失与解挂", "社会保障卡补领、换领");
        JsonNode top = search("xiaojie", "shebaoka").getFirst();
        assertThat(top.get("name").asString()).isEqualTo("社会保障卡申领");
        assertThat(top.get("kind").asString()).isEqualTo("GOVERNMENT");
        assertThat(top.get("category").asString()).isEqualTo("SOCIAL_INSURANCE");
        assertThat(top.get("referral").asBoolean()).isFalse();
        assertThat(top.get("score").asDouble()).isPositive();
        assertThat(search("xiaojie", "sbk").getFirst().get("name").asString()).isEqualTo("社会保障卡申领");
        assertThat(search("xiaojie", "低保").getFirst().get("code").asString()).isEqualTo("SA-01");
        assertThat(search("xiaojie", "低保").getFirst().get("kind").asString()).isEqualTo("PROXY");
        assertThat(search("xiaojie", "准生证").getFirst().get("name").asString()).contains("生育");
        // an item 小街 adopted but does not publish is not found there, but is elsewhere
        assertThat(search("xiaojie", "失业保险金申领")).noneMatch(i -> i.get("code").asString().equals("EM-04"));
        assertThat(search("guandu", "失业保险金申领").getFirst().get("code").asString()).isEqualTo("EM-04");
    }

    @Test
    void certificatesCommunitiesMustNotIssueAreFoundAsReferrals() {
        JsonNode crime = search("xiaojie", "开无犯罪记录证明").getFirst();
        assertThat(crime.get("name").asString()).isEqualTo("无犯罪记录证明");
        assertThat(crime.get("referral").asBoolean()).isTrue();
        JsonNode dog = search("xiaojie", "居民养犬证明").getFirst();
        assertThat(dog.get("referral").asBoolean()).isTrue();
        JsonNode guide = get("/api/v1/centers/xiaojie/catalog/items/" + dog.get("code").asString());
        assertThat(guide.get("referralTo").asString()).contains("公安");
        assertThat(guide.get("fields")).isEmpty();
    }

    @Test
    void badQueriesGetAnAnswerNeverAnError() {
        for (String q : List.of("", "   ", "！？。，,.;:'\"", "😀😀", "' OR 1=1; DROP TABLE catalog_item; --",
                "社".repeat(500), "a".repeat(500), "<script>alert(1)</script>", "%00", "\\")) {
            HttpResponse<String> response = api().http()
                    .get("/api/v1/centers/xiaojie/catalog/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(q).isEqualTo(200);
            assertThat(Http.json(response).get("items").isArray()).isTrue();
        }
        assertThat(search("xiaojie", "")).isEmpty();
        assertThat(search("xiaojie", "😀😀")).isEmpty();
        assertThat(search("xiaojie", "qqqqxxxzzz")).isEmpty();
        assertThat(jdbc.sql("select count(*) from catalog_item").query(Integer.class).single()).isGreaterThan(90);
        assertCode(api().http().get("/api/v1/centers/xiaojie/catalog/search?q=x&limit=0"), 400, "LIMIT_OUT_OF_RANGE");
        assertCode(api().http().get("/api/v1/centers/xiaojie/catalog/search?q=x&limit=abc"), 400, "VALIDATION_FAILED");
        assertCode(api().http().get("/api/v1/centers/nowhere/catalog/search?q=x"), 404, "CENTER_NOT_FOUND");
        assertCode(api().http().get("/api/v1/centers/xiaojie/catalog/items/NOPE-1"), 404, "CATALOG_ITEM_NOT_FOUND");
        assertCode(api().http().get("/api/v1/centers/xiaojie/catalog/items/EM-04"), 404, "CATALOG_ITEM_NOT_FOUND");
    }
}
