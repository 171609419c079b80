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

/** Editing the catalogue through the API: publishing rules, local details, search kept current. */
@LinliWebTest
class CatalogEditingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    List<String> searchCodes(String center, String q) {
        List<String> codes = new ArrayList<>();
        Http.json(api().http().get("/api/v1/centers/" + center + "/catalog/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    static String item(String code, String name, String guide) {
        return """
                {"code":"%s","name":"%s","category":"ELDERLY","kind":"PROXY","referral":false,"guide":%s}
                """.formatted(code, name, guide);
    }

    static final String INCOMPLETE = """
            {"conditions":"","materials":[],"channels":[],"questions":["applicant"],
             "fields":[{"name":"applicantName","label":"申请人姓名","type":"TEXT","required":true}]}""";

    static final String COMPLETE = """
            {"conditions":"年满60周岁的本辖区居民","materials":[
               {"name":"居民身份证","form":"ORIGINAL","count":1,"notes":"","when":null},
               {"name":"授权委托书","form":"ORIGINAL","count":1,"notes":"","when":"applicant=FAMILY"}],
             "timeLimit":{"value":5,"unit":"WORKING_DAYS"},"fees":"免费","channels":["WINDOW","HOME_VISIT"],
             "place":"一窗受理窗口","upstreamDepartment":"区民政局","questions":["applicant"],
             "fields":[{"name":"applicantName","label":"申请人姓名","type":"TEXT","required":true},
                       {"name":"meal","label":"用餐方式","type":"CHOICE","required":true,
                        "options":[{"value":"CANTEEN","label":"到食堂"},{"value":"DELIVERY","label":"送餐上门"}]}],
             "sample":false}""";

    @Test
    void anIncompleteItemCannotBePublishedAndTheRefusalNamesWhatIsMissing() {
        String district = api().token("district-admin");
        HttpResponse<String> created = api().send("POST", "/api/v1/catalog/template", district,
                item("EL-90", "老年助餐服务申请", INCOMPLETE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("published").asBoolean()).isFalse();

        HttpResponse<String> refused = api().send("POST", "/api/v1/catalog/template/EL-90/publication", district,
                "{\"published\":true}");
        assertCode(refused, 400, "GUIDE_INCOMPLETE");
        List<String> fields = new ArrayList<>();
        Http.json(refused).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("conditions", "materials", "timeLimit", "fees", "channels",
                "place", "upstreamDepartment");
        assertThat(Http.json(refused).get("errors").get(0).get("message").asString()).startsWith("请填写");
        assertThat(jdbc.sql("select published from catalog_item where code = 'EL-90'").query(Boolean.class).single())
                .isFalse();

        // completed, published by the district, adopted and published by a center: residents find it there
        HttpResponse<String> updated = api().send("PUT", "/api/v1/catalog/template/EL-90", district,
                item("EL-90", "老年助餐服务申请", COMPLETE).replace("\"referral\":false", "\"referral\":false,\"version\":0"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/catalog/template/EL-90/publication", district,
                "{\"published\":true}").statusCode()).isEqualTo(200);
        String admin = api().token("taihe-center-admin");
        HttpResponse<String> adopted = api().send("PUT", "/api/v1/centers/taihe/catalog/adoptions/EL-90", admin,
                "{\"kind\":\"PROXY\",\"published\":true,\"windowName\":\"3号窗口\",\"phone\":\"0871-6000000\"}");
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
        assertThat(searchCodes("taihe", "助餐")).first().isEqualTo("EL-90");
        assertThat(searchCodes("xiaojie", "助餐")).doesNotContain("EL-90");
        JsonNode guide = Http.json(api().http().get("/api/v1/centers/taihe/catalog/items/EL-90"));
        assertThat(guide.get("place").asString()).isEqualTo("3号窗口");
        assertThat(guide.get("phone").asString()).isEqualTo("0871-6000000");
        assertThat(guide.get("sample").asBoolean()).isFalse();
        assertThat(guide.get("fields").get(1).get("options").size()).isEqualTo(2);

        // a stale version is refused rather than overwriting the newer guide
        assertCode(api().send("PUT", "/api/v1/catalog/template/EL-90", district,
                item("EL-90", "老年助餐", COMPLETE).replace("\"referral\":false", "\"referral\":false,\"version\":0")),
                409, "ITEM_CHANGED_MEANWHILE");
        // a published item cannot be emptied
        assertCode(api().send("PUT", "/api/v1/catalog/template/EL-90", district, item("EL-90", "老年助餐", INCOMPLETE)),
                400, "GUIDE_INCOMPLETE");
        assertThat(Http.json(api().http().get("/api/v1/centers/taihe/catalog/items/EL-90")).get("name").asString())
                .isEqualTo("老年助餐服务申请");
        // renaming is searchable at once
        assertThat(api().send("PUT", "/api/v1/catalog/template/EL-90", district,
                item("EL-90", "长者饭堂就餐登记", COMPLETE)).statusCode()).isEqualTo(200);
        assertThat(searchCodes("taihe", "长者饭堂")).first().isEqualTo("EL-90");
    }

    @Test
    void editingTheGuideClearsTheSampleNote() {
        String district = api().token("district-admin");
        JsonNode current = Http.json(api().get("/api/v1/catalog/template/EL-02", district));
        assertThat(current.get("sample").asBoolean()).isTrue();
        String guide = current.get("guide").toString().replace("\"sample\":true", "\"sample\":false");
        String body = "{\"name\":" + current.get("name") + ",\"category\":\"ELDERLY\",\"kind\":\"GOVERNMENT\","
                + "\"referral\":false,\"version\":" + current.get("version").asInt() + ",\"guide\":" + guide + "}";
        assertThat(api().send("PUT", "/api/v1/catalog/template/EL-02", district, body).statusCode()).isEqualTo(200);
        assertThat(Http.json(api().http().get("/api/v1/centers/fenghuangshan/catalog/items/EL-02")).get("sample")
                .asBoolean()).isFalse();
    }

    @Test
    void badEditsAreRefusedWithTheFieldAndChangeNothing() {
        String district = api().token("district-admin");
        int before = jdbc.sql("select count(*) from catalog_item").query(Integer.class).single();
        assertCode(api().send("POST", "/api/v1/catalog/template", district, item("bad code!", "名称", COMPLETE)), 400,
                "ITEM_CODE_INVALID");
        assertCode(api().send("POST", "/api/v1/catalog/template", district,
                item("EL-91", "名称", COMPLETE).replace("ELDERLY", "NOPE")), 400, "CATEGORY_UNKNOWN");
        assertCode(api().send("POST", "/api/v1/catalog/template", district,
                item("EL-91", "名称", COMPLETE.replace("\"when\":\"applicant=FAMILY\"", "\"when\":\"mood=HAPPY\""))),
                400, "MATERIAL_SITUATION_UNKNOWN");
        assertCode(api().send("POST", "/api/v1/catalog/template", district,
                item("EL-91", "名称", COMPLETE.replace("\"options\":[{\"value\":\"CANTEEN\",\"label\":\"到食堂\"},"
                        + "{\"value\":\"DELIVERY\",\"label\":\"送餐上门\"}]", "\"options\":[]"))), 400, "FORM_FIELD_INVALID");
        assertCode(api().send("POST", "/api/v1/catalog/template", district, item("SI-01", "重复", COMPLETE)), 409,
                "ITEM_CODE_TAKEN");
        assertCode(api().send("POST", "/api/v1/catalog/template", district, "{not json"), 400, "MALFORMED_REQUEST");
        assertCode(api().send("POST", "/api/v1/catalog/template", district, item("EL-91", "名称\\u0000", COMPLETE)), 400,
                "TEXT_INVALID");
        assertCode(api().send("POST", "/api/v1/catalog/template", district, item("L-9999", "名称", COMPLETE)), 400,
                "ITEM_CODE_RESERVED");
        assertThat(jdbc.sql("select count(*) from catalog_item").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheRightPeopleEditAndOnlyWhereTheyWork() {
        String resident = api().signInByPhone("13800000003").get("accessToken").asString();
        assertCode(api().send("POST", "/api/v1/catalog/template", resident, item("EL-92", "名称", COMPLETE)), 403,
                "FORBIDDEN");
        String staff = api().token("xiaojie-staff01");
        assertCode(api().send("PUT", "/api/v1/centers/xiaojie/catalog/adoptions/SI-01", staff, "{\"published\":false}"),
                403, "FORBIDDEN");
        String otherAdmin = api().token("beijinglu-center-admin");
        assertCode(api().send("PUT", "/api/v1/centers/xiaojie/catalog/adoptions/SI-01", otherAdmin,
                "{\"published\":false}"), 404, "CENTER_NOT_FOUND");
        // a center admin cannot publish an item the district has not published
        String district = api().token("district-admin");
        api().send("POST", "/api/v1/catalog/template", district, item("EL-93", "草稿事项", COMPLETE));
        assertCode(api().send("PUT", "/api/v1/centers/beijinglu/catalog/adoptions/EL-93", otherAdmin,
                "{\"published\":true}"), 409, "TEMPLATE_ITEM_NOT_PUBLISHED");
        assertThat(jdbc.sql("select count(*) from catalog_adoption where item_code = 'EL-93'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void staffTeachSearchANewWord() {
        assertThat(searchCodes("fenghuangshan", "寿星红包")).doesNotContain("EL-02");
        String staff = api().token("fenghuangshan-staff02");
        HttpResponse<String> added = api().send("POST", "/api/v1/catalog/synonyms", staff,
                "{\"colloquial\":\"寿星红包\",\"official\":\"高龄津贴\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(searchCodes("fenghuangshan", "寿星红包")).first().isEqualTo("EL-02");
        assertCode(api().send("POST", "/api/v1/catalog/synonyms", staff,
                "{\"colloquial\":\"寿星红包\",\"official\":\"高龄津贴\"}"), 409, "SYNONYM_EXISTS");
        assertCode(api().send("POST", "/api/v1/catalog/synonyms", staff, "{\"colloquial\":\"<b>\",\"official\":\"x\"}"),
                400, "SYNONYM_WORD_INVALID");
    }

    @Test
    void aCenterAddsAnItemOfItsOwn() {
        String admin = api().token("jinma-center-admin");
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/jinma/catalog/local-items", admin,
                item("ignored", "金马社区理发义剪登记", COMPLETE).replace("\"ELDERLY\"", "\"LOCAL\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = Http.json(created).get("code").asString();
        assertThat(code).startsWith("L-");
        assertThat(searchCodes("jinma", "义剪")).isEmpty();
        assertThat(api().send("POST", "/api/v1/centers/jinma/catalog/local-items/" + code + "/publication", admin,
                "{\"published\":true}").statusCode()).isEqualTo(200);
        assertThat(searchCodes("jinma", "义剪")).containsExactly(code);
        assertThat(searchCodes("taihe", "义剪")).isEmpty();
        assertCode(api().send("DELETE", "/api/v1/centers/jinma/catalog/adoptions/" + code, admin, null), 409,
                "LOCAL_ITEM_CANNOT_BE_DROPPED");
    }
}
