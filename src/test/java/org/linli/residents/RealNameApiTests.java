package org.linli.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Real-name details through the API: validation, masking, encryption at rest, reveal, data rights. */
@LinliWebTest
class RealNameApiTests {

    static final String ID = "530199198805060017";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    String resident(String phone) {
        return api().signInByPhone(phone).get("accessToken").asString();
    }

    static String details(String name, String id) {
        return "{\"realName\":\"" + name + "\",\"idNumber\":\"" + id + "\",\"address\":\"官渡区小街 18 号 3 栋\","
                + "\"homeCenterCode\":\"xiaojie\"}";
    }

    @Test
    void aResidentRecordsDetailsAndSeesThemMaskedWhileTheDatabaseHoldsNoPlainText() {
        String token = resident("13900005001");
        HttpResponse<String> saved = api().send("PUT", "/api/v1/me/real-name", token, details("欧阳明月", ID));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode masked = Http.json(api().get("/api/v1/me/real-name", token));
        assertThat(masked.get("idNumber").asString()).isEqualTo("5301**********0017");
        assertThat(masked.get("realName").asString()).isEqualTo("欧***");
        assertThat(masked.get("birthDate").asString()).isEqualTo("1988-05-06");

        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list()) {
            String dump = String.join("\n", jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list());
            assertThat(dump).as(table).doesNotContain(ID).doesNotContain("欧阳明月").doesNotContain("小街 18 号 3 栋");
        }
        assertThat(jdbc.sql("select id_number_enc from person where id_number_hash is not null limit 1")
                .query(String.class).single()).startsWith("v1:");

        JsonNode export = Http.json(api().get("/api/v1/me/personal-data", token));
        assertThat(export.get("realName").get("idNumber").asString()).isEqualTo(ID);
        assertThat(export.get("consents").get(0).get("purpose").asString()).isEqualTo("REAL_NAME");
    }

    @Test
    void badIdNumbersAre400NamingTheFieldInTheUsersLanguage() {
        String token = resident("13900005002");
        Map<String, String> cases = Map.of(
                "530199198805060013", "ID_NUMBER_CHECKSUM",
                "530199198802300011", "ID_NUMBER_DATE",
                "53019919880506001", "ID_NUMBER_LENGTH");
        cases.forEach((id, code) -> {
            HttpResponse<String> response = api().http().send(api().http().request("/api/v1/me/real-name")
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept-Language", "en")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(details("张三", id))).build());
            assertCode(response, 400, code);
            JsonNode error = Http.json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("idNumber");
            assertThat(error.get("message").asString()).matches("[A-Za-z].*");
        });
        assertThat(api().send("PUT", "/api/v1/me/real-name", token, details("张三", "530199198805060013")).body())
                .contains("校验码");
        assertCode(api().get("/api/v1/me/real-name", token), 404, "REAL_NAME_NOT_FOUND");
    }

    @Test
    void aMinorUnder14CannotRegisterThemselvesButAParentCanRegisterThem() {
        String child = resident("13900005003");
        String childId = "530199201503040015";
        HttpResponse<String> refused = api().send("PUT", "/api/v1/me/real-name", child, details("小明", childId));
        assertCode(refused, 403, "MINOR_NEEDS_GUARDIAN");
        assertThat(Http.json(refused).get("detail").asString()).contains("14").contains("监护人");

        String parent = resident("13900005004");
        assertThat(api().send("PUT", "/api/v1/me/real-name", parent, details("王芳", "530199198203030021"))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> added = api().send("POST", "/api/v1/me/household/children", parent,
                "{\"realName\":\"王小明\",\"idNumber\":\"" + childId + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Http.json(added).get("relation").asString()).isEqualTo("CHILD");
        assertThat(jdbc.sql("""
                select count(*) from consent c join person p on p.id = c.person_id
                 where c.purpose = 'GUARDIAN_OF_MINOR' and p.id = ?
                """).param(Http.json(added).get("personId").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChildRegisteredByAParentTakesOverTheirRecordWithTheirOwnAccountLater() {
        String parent = resident("13900005010");
        api().send("PUT", "/api/v1/me/real-name", parent, details("陈静", "530199198204040029"));
        String teenId = "530199201001010019";
        HttpResponse<String> added = api().send("POST", "/api/v1/me/household/children", parent,
                "{\"realName\":\"陈小雨\",\"idNumber\":\"" + teenId + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String teen = resident("13900005011");
        assertCode(api().send("PUT", "/api/v1/me/real-name", teen, details("别人", teenId)), 409, "ID_NUMBER_TAKEN");
        HttpResponse<String> own = api().send("PUT", "/api/v1/me/real-name", teen, details("陈小雨", teenId));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Http.json(own).get("personId").asLong()).isEqualTo(Http.json(added).get("personId").asLong());
    }

    @Test
    void aGrownChildLinksAnElderlyParentOnlyWithTheParentsConsent() throws Exception {
        String elder = resident("13900005005");
        api().send("PUT", "/api/v1/me/real-name", elder, details("李桂英", "530199194403030028"));
        api().send("PUT", "/api/v1/me/notification-preferences", elder, "{\"smsEnabled\":true}");
        String son = resident("13900005006");
        api().send("PUT", "/api/v1/me/real-name", son, details("李建国", "530199197003030014"));
        assertThat(api().send("POST", "/api/v1/me/household/relatives", son,
                "{\"phone\":\"13900005005\",\"relation\":\"PARENT\"}").statusCode()).isEqualTo(202);
        JsonNode pending = Http.json(api().get("/api/v1/me/household", son)).get("members").get(0);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("maskedName").isNull()).as("nothing about them before they consent").isTrue();
        assertThat(pending.get("maskedIdNumber").isNull()).isTrue();

        JsonNode request = Http.json(api().get("/api/v1/me/household", elder)).get("members").get(0);
        assertThat(request.get("managedByMe").asBoolean()).isFalse();
        assertThat(waitForNotification(elder, "HOUSEHOLD_LINK_REQUESTED")).isTrue();
        assertThat(api().send("POST", "/api/v1/me/household/requests/" + request.get("linkId").asLong(), elder,
                "{\"accept\":true}").statusCode()).isEqualTo(204);
        assertThat(Http.json(api().get("/api/v1/me/household", son)).get("members").get(0).get("status").asString())
                .isEqualTo("ACTIVE");
        assertCode(api().send("POST", "/api/v1/me/household/requests/" + request.get("linkId").asLong(), son,
                "{\"accept\":true}"), 404, "LINK_NOT_FOUND");

        JsonNode consents = Http.json(api().get("/api/v1/me/consents", elder)).get("consents");
        long linkConsent = -1;
        for (JsonNode c : consents) {
            if (c.get("purpose").asString().equals("HOUSEHOLD_LINK")) {
                linkConsent = c.get("id").asLong();
            }
        }
        assertCode(api().send("POST", "/api/v1/me/consents/" + linkConsent + "/withdraw", son, null), 404,
                "CONSENT_NOT_FOUND");
        assertThat(api().send("POST", "/api/v1/me/consents/" + linkConsent + "/withdraw", elder, null).statusCode())
                .isEqualTo(204);
        assertThat(Http.json(api().get("/api/v1/me/household", son)).get("members").isEmpty())
                .as("the link ends when the parent withdraws consent").isTrue();
        assertCode(api().send("POST", "/api/v1/me/consents/" + linkConsent + "/withdraw", elder, null), 409,
                "CONSENT_WITHDRAWN");
    }

    @Test
    void staffRevealWithAReasonIsLoggedAndTheResidentSeesWhoLooked() throws Exception {
        String resident = resident("13900005007");
        api().send("PUT", "/api/v1/me/real-name", resident, details("赵敏", "530199199001010027"));
        String staff = api().token("xiaojie-staff08");
        JsonNode found = Http.json(api().send("POST", "/api/v1/centers/xiaojie/residents/search", staff,
                "{\"q\":\"13900005007\"}")).get("residents").get(0);
        assertThat(found.get("birthDate").asString()).as("staff see the year only").isEqualTo("1990");
        assertThat(found.get("idNumber").asString()).isEqualTo("5301**********0027");
        assertThat(found.get("address").asString()).endsWith("****");
        long person = found.get("personId").asLong();

        assertCode(api().send("POST", "/api/v1/centers/xiaojie/residents/" + person + "/reveal", staff, "{}"), 400,
                "REVEAL_REASON_REQUIRED");
        String otherStaff = api().token("fenghuangshan-staff01");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/residents/" + person + "/reveal", otherStaff,
                "{\"reason\":\"好奇\"}"), 404, "CENTER_NOT_FOUND");
        assertCode(api().send("POST", "/api/v1/centers/fenghuangshan/residents/" + person + "/reveal", otherStaff,
                "{\"reason\":\"好奇\"}"), 404, "RESIDENT_NOT_FOUND");
        assertThat(Http.json(api().send("POST", "/api/v1/centers/fenghuangshan/residents/search", otherStaff,
                "{\"q\":\"13900005007\"}")).get("residents").isEmpty()).isTrue();

        HttpResponse<String> revealed = api().send("POST", "/api/v1/centers/xiaojie/residents/" + person + "/reveal",
                staff, "{\"reason\":\"办理社保卡补办\"}");
        assertThat(Http.json(revealed).get("idNumber").asString()).isEqualTo("530199199001010027");

        JsonNode looks = Http.json(api().get("/api/v1/me/access-log", resident)).get("entries");
        assertThat(looks).hasSize(1);
        assertThat(looks.get(0).get("reason").asString()).isEqualTo("办理社保卡补办");
        assertThat(looks.get(0).get("centerCode").asString()).isEqualTo("xiaojie");
        assertThat(waitForNotification(resident, "ID_NUMBER_REVEALED")).isTrue();

        for (String viewer : List.of("auditor", "xiaojie-center-admin")) {
            String log = api().get("/api/v1/centers/xiaojie/audit", api().token(viewer)).body();
            assertThat(log).as(viewer).contains("ID_NUMBER_REVEALED").contains("办理社保卡补办");
        }
        assertThat(api().get("/api/v1/centers/fenghuangshan/audit", api().token("fenghuangshan-center-admin")).body())
                .doesNotContain("办理社保卡补办");
    }

    @Test
    void erasureRemovesPersonalFieldsKeepsAnonymousStatisticsAndClosesTheAccount() {
        String token = resident("13900005008");
        api().send("PUT", "/api/v1/me/real-name", token, details("孙立新", "530199197512120018"));
        long person = jdbc.sql("select p.id from person p join account a on a.id = p.account_id where a.phone = ?")
                .param("13900005008").query(Long.class).single();
        assertThat(api().send("DELETE", "/api/v1/me", token, null).statusCode()).isEqualTo(204);

        var row = jdbc.sql("""
                select real_name_enc, id_number_enc, id_number_hash, address_enc, birth_date::text, sex,
                       anonymised_at is not null from person where id = ?
                """).param(person).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)}).single();
        assertThat(row[0]).isNull();
        assertThat(row[1]).isNull();
        assertThat(row[2]).isNull();
        assertThat(row[3]).isNull();
        assertThat(row[4]).isEqualTo("1975-01-01");
        assertThat(row[5]).isEqualTo("M");
        assertThat(row[6]).isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from account where phone = '13900005008'").query(Long.class).single())
                .isZero();
        assertCode(api().get("/api/v1/me", token), 401, "TOKEN_INVALID");
    }

    @Test
    void aRedeliveredEventShowsInTheInboxOnce() throws Exception {
        String token = resident("13900005009");
        long account = jdbc.sql("select id from account where phone = '13900005009'").query(Long.class).single();
        IdNumberRevealed event = new IdNumberRevealed(987_654_321L, account, "测试员", "xiaojie", "重复投递");
        for (int i = 0; i < 3; i++) {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
        }
        assertThat(waitForNotification(token, "ID_NUMBER_REVEALED")).isTrue();
        Thread.sleep(500);
        assertThat(jdbc.sql("select count(*) from notification where account_id = ?").param(account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private boolean waitForNotification(String token, String kind) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (api().get("/api/v1/me/notifications", token).body().contains(kind)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
