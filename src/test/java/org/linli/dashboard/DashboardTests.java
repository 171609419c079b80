package org.linli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's read tables: fed live by other modules' events, equal to a rebuild from their public
 * histories; figures per scope; the pilots side by side; registers as spreadsheets; scope refusals.
 */
@LinliWebTest
class DashboardTests {

    static final String CENTER = "luojiaying";
    static final String RESIDENT = "13995000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    List<Map<String, Object>> facts(String center) {
        return jdbc.sql("select day, metric, dim, value from dash_fact where center_code = ? order by metric, day, dim")
                .param(center).query().listOfRows();
    }

    void awaitEvents() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                    .single() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("events still being processed: " + jdbc.sql("""
                select listener_id || ' ' || event_type from event_publication where completion_date is null""")
                .query(String.class).list());
    }

    long metric(String metric, String dim) {
        return jdbc.sql("select coalesce(sum(value), 0) from dash_fact where center_code = ? and metric = ? and dim = ?")
                .params(CENTER, metric, dim).query(Long.class).single();
    }

    @Test
    void theTablesFedByEventsEqualARebuildFromTheModulesHistories() throws Exception {
        awaitEvents();
        long received = metric("APPLICATIONS_RECEIVED", "SOCIAL_INSURANCE");
        long onTime = metric("APPLICATIONS_COMPLETED", "ON_TIME");
        long activities = metric("ACTIVITIES", "");
        long visits = metric("HOME_VISITS", "AGE_80_PLUS");
        long fourStars = metric("RATINGS", "4");
        long recruitments = metric("RECRUITMENTS", "");
        long filled = metric("RECRUITMENTS_FILLED", "");

        // an application received online and completed
        String resident = api().signInByPhone(RESIDENT).get("accessToken").asString();
        String form = """
                {"applicantName":"罗居民","phone":"%s","idNumber":"%s","forFamily":"false"}""".formatted(RESIDENT,
                "53011119500101003" + IdCardNumber.checkCharacter("53011119500101003"));
        HttpResponse<String> submitted = api().send("POST", "/api/v1/applications", resident,
                "{\"centerCode\":\"" + CENTER + "\",\"itemCode\":\"SI-08\",\"fields\":" + form + "}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long id = Http.json(submitted).get("id").asLong();
        String staff = api().token(CENTER + "-staff01");
        assertThat(api().send("POST", "/api/v1/applications/" + id + "/transitions", staff,
                "{\"action\":\"ACCEPT\"}").statusCode()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/applications/" + id + "/transitions", staff,
                "{\"action\":\"COMPLETE\",\"handover\":\"POST\"}").statusCode()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/applications/" + id + "/rating", resident,
                "{\"stars\":4}").statusCode()).isEqualTo(200);
        // an activity
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0);
        assertThat(api().send("POST", "/api/v1/centers/" + CENTER + "/activities", staff, """
                {"title":"看板测试活动","category":"CHILDREN","startsAt":"%s","endsAt":"%s","capacity":10,"spaceCode":null}
                """.formatted(start, start.plusHours(1))).statusCode()).isEqualTo(201);
        // a home visit done
        String admin = api().token(CENTER + "-center-admin");
        long entry = Http.json(api().send("POST", "/api/v1/centers/" + CENTER + "/home-care", staff, """
                {"residentPhone":"13995000002","name":"罗老伯","reason":"AGE_80_PLUS","address":"罗家营小区",
                 "building":"1栋","room":"101","consent":true,"consentPurpose":"上门服务"}""")).get("id").asLong();
        long visit = Http.json(api().send("POST", "/api/v1/centers/" + CENTER + "/home-visits", staff,
                "{\"entryId\":" + entry + ",\"purpose\":\"CHECK_IN\"}")).get("id").asLong();
        long staffId = jdbc.sql("select id from account where username = ?").param(CENTER + "-staff01")
                .query(Long.class).single();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(api().send("POST", "/api/v1/centers/" + CENTER + "/home-visits/" + visit + "/assignment", admin,
                "{\"date\":\"" + today + "\",\"visitorIds\":[" + staffId + "]}").statusCode()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/me/home-visits/" + visit + "/record", staff,
                "{\"summary\":\"探访，身体尚好\"}").statusCode()).isEqualTo(200);

        // a one-place recruitment, filled by the first volunteer to sign up, and one nobody has answered yet
        String volunteer = api().signInByPhone("13995000003").get("accessToken").asString();
        assertThat(api().send("PUT", "/api/v1/me/real-name", volunteer, """
                {"realName":"罗志愿","idNumber":"%s","address":null,"homeCenterCode":"%s"}""".formatted(
                "53011119800101004" + IdCardNumber.checkCharacter("53011119800101004"), CENTER)).statusCode())
                .isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/me/volunteer", volunteer, "{\"availability\":[\"WEEKEND\"]}")
                .statusCode()).isEqualTo(201);
        long[] recruitmentIds = new long[2];
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> created = api().send("POST", "/api/v1/centers/" + CENTER + "/recruitments", staff,
                    "{\"title\":\"看板测试招募\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2)
                            + "\",\"needed\":" + (i + 1) + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            recruitmentIds[i] = Http.json(created).get("id").asLong();
        }
        for (long r : recruitmentIds) {
            HttpResponse<String> signed = api().send("POST", "/api/v1/recruitments/" + r + "/signups", volunteer, null);
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        }

        awaitEvents();
        assertThat(metric("RECRUITMENTS", "")).isEqualTo(recruitments + 2);
        assertThat(metric("RECRUITMENTS_FILLED", "")).as("only the one-place recruitment is full").isEqualTo(filled + 1);
        assertThat(metric("APPLICATIONS_RECEIVED", "SOCIAL_INSURANCE")).isEqualTo(received + 1);
        assertThat(metric("APPLICATIONS_COMPLETED", "ON_TIME")).isEqualTo(onTime + 1);
        assertThat(metric("ACTIVITIES", "")).isEqualTo(activities + 1);
        assertThat(metric("HOME_VISITS", "AGE_80_PLUS")).isEqualTo(visits + 1);
        assertThat(metric("RATINGS", "4")).isEqualTo(fourStars + 1);
        List<Map<String, Object>> live = facts(CENTER);
        // points redeemed at 凤凰山's merchants by the points tests, live, and the demo's, rebuilt
        List<Map<String, Object>> redeemed = jdbc.sql("""
                select center_code, day, dim, value from dash_fact where metric = 'POINTS_REDEEMED'
                 order by center_code, day, dim""").query().listOfRows();
        // points earned for confirmed hours (凤凰山's demo year, and the points tests' own), live
        List<Map<String, Object>> earned = jdbc.sql("""
                select center_code, day, value from dash_fact where metric = 'POINTS_EARNED'
                 order by center_code, day""").query().listOfRows();
        assertThat(earned).isNotEmpty();

        HttpResponse<String> rebuilt = api().send("POST", "/api/v1/dashboard/rebuild", api().token("district-admin"),
                null);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(facts(CENTER)).as("a rebuild from the histories gives the same tables").isEqualTo(live);
        assertThat(jdbc.sql("""
                select center_code, day, dim, value from dash_fact where metric = 'POINTS_REDEEMED'
                 order by center_code, day, dim""").query().listOfRows()).isEqualTo(redeemed);
        assertThat(jdbc.sql("""
                select center_code, day, value from dash_fact where metric = 'POINTS_EARNED'
                 order by center_code, day""").query().listOfRows()).isEqualTo(earned);
        assertThat(api().send("POST", "/api/v1/dashboard/rebuild", admin, null).statusCode()).isEqualTo(403);
    }

    @Test
    void eachAdminSeesTheirScopeAndTheDistrictComparesItsPilots() throws Exception {
        String xiaojie = api().token("xiaojie-center-admin");
        assertThat(api().get("/api/v1/centers/xiaojie/dashboard", xiaojie).statusCode()).isEqualTo(200);
        assertCode(api().get("/api/v1/centers/guandu/dashboard", xiaojie), 404, "CENTER_NOT_FOUND");
        assertCode(api().get("/api/v1/centers/fenghuangshan/dashboard", xiaojie), 404, "CENTER_NOT_FOUND");
        String street = api().token("jinma-admin");
        assertThat(Http.json(api().get("/api/v1/centers/jinma/dashboard/compare", street)).properties().stream()
                .map(Map.Entry::getKey).toList()).containsExactlyInAnyOrder("fenghuangshan", "jinmasi", "dashuying",
                "luojiaying");
        assertCode(api().get("/api/v1/centers/taihe/dashboard", street), 404, "CENTER_NOT_FOUND");

        String district = api().token("district-admin");
        JsonNode side = Http.json(api().get("/api/v1/centers/guandu/dashboard/compare", district));
        // the twelve pilots (tests sharing this database may have added community centers)
        assertThat(side.properties().stream().map(Map.Entry::getKey).toList()).contains("xiaojie", "shihuguan",
                "dongjiawan", "xiaoshiba", "beijinglu", "dongzhan", "jiangan", "qianxing", "fenghuangshan", "jinmasi",
                "dashuying", "luojiaying");
        // 凤凰山's demo year: 86 activities and about 4,000 person-times
        JsonNode fhs = side.get("fenghuangshan");
        assertThat(fhs.get("attendance").asLong()).isGreaterThan(3000);
        assertThat(fhs.get("activeVolunteers").asLong()).isPositive();
        JsonNode all = Http.json(api().get("/api/v1/centers/guandu/dashboard", district));
        long sum = 0;
        for (JsonNode f : side) {
            sum += f.get("attendance").asLong();
        }
        assertThat(all.get("attendance").asLong()).as("the district is the sum of its centers").isEqualTo(sum);
        assertCode(api().get("/api/v1/centers/guandu/dashboard?from=2026-05-01&to=2026-01-01", district), 400,
                "PERIOD_INVALID");

        HttpResponse<byte[]> xlsx = api().http().bytes(api().http()
                .request("/api/v1/centers/guandu/dashboard/compare.xlsx").header("Authorization", "Bearer " + district)
                .build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("对比台账");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("期间");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("服务中心");
            assertThat(sheet.getLastRowNum() - 2).isEqualTo(side.properties().size());
        }
    }
}
