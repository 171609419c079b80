package org.linli.homevisits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import javax.imageio.ImageIO;
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
 * 上门服务 end to end over HTTP: a register entry only with consent and a full address, sealed at rest
 * and audited when opened; a visit asked for by the resident, assigned by the admin, recorded by the
 * assigned visitor with an application registered on the resident's behalf (signed on the phone), a
 * follow-up that becomes overdue, the month's figures, and the resident's own download and deletion.
 */
@LinliWebTest
class HomeVisitApiTests {

    static final String RESIDENT = "13994000001";
    static final String STRANGER = "13994000002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    static String entry(String building, boolean consent) {
        return """
                {"residentPhone":"%s","name":"李桂兰","reason":"LIVES_ALONE","address":"小街社区金马小区",
                 "building":%s,"room":"302","accessNotes":"三楼，无电梯","contactName":"李强",
                 "contactPhone":"13994000009","preferredTimes":"上午","consent":%s,
                 "consentPurpose":"为本人提供上门服务"}""".formatted(RESIDENT,
                building == null ? "null" : "\"" + building + "\"", consent);
    }

    static String signature() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.drawLine(5, 30, 110, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void aVisitFromRequestToRecordWithAnApplicationHandledAtHome() throws Exception {
        String staff = api().token("xiaojie-staff01");
        String admin = api().token("xiaojie-center-admin");
        int before = jdbc.sql("select count(*) from home_care_profile").query(Integer.class).single();
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/home-care", staff, entry(null, true)), 400,
                "ADDRESS_INCOMPLETE");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/home-care", staff, entry("9栋", false)), 400,
                "CONSENT_REQUIRED");
        assertThat(jdbc.sql("select count(*) from home_care_profile").query(Integer.class).single())
                .as("nothing kept without consent or a full address").isEqualTo(before);
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/xiaojie/home-care", staff,
                entry("9栋", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long entryId = Http.json(created).get("id").asLong();
        String sealed = jdbc.sql("select sealed from home_care_profile where id = ?").param(entryId)
                .query(String.class).single();
        assertThat(sealed).doesNotContain("金马").doesNotContain("李桂兰").doesNotContain("三楼");

        // staff see the register masked; the full record needs the admin, and each look is audited
        JsonNode list = Http.json(api().get("/api/v1/centers/xiaojie/home-care", staff));
        assertThat(list.toString()).contains("李*").doesNotContain("李桂兰").doesNotContain("302");
        assertThat(api().get("/api/v1/centers/xiaojie/home-care/" + entryId, staff).statusCode()).isEqualTo(403);
        JsonNode full = Http.json(api().get("/api/v1/centers/xiaojie/home-care/" + entryId, admin));
        assertThat(full.get("details").get("room").asString()).isEqualTo("302");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'HOME_CARE_VIEWED' and subject = ?")
                .param("home-care:" + entryId).query(Integer.class).single()).isEqualTo(1);
        assertCode(api().get("/api/v1/centers/xiaojie/home-care/" + entryId, api().token("beijinglu-center-admin")),
                404, "CENTER_NOT_FOUND");

        // a resident with nothing on file is sent to staff; the registered one asks for an application at home
        String stranger = api().signInByPhone(STRANGER).get("accessToken").asString();
        assertCode(api().send("POST", "/api/v1/me/home-visits", stranger, "{\"purpose\":\"CHECK_IN\"}"), 409,
                "HOME_CARE_NO_CONSENT");
        String resident = api().signInByPhone(RESIDENT).get("accessToken").asString();
        assertCode(api().send("POST", "/api/v1/me/home-visits", resident, "{\"purpose\":\"APPLICATION\"}"), 400,
                "HOME_VISIT_ITEM_REQUIRED");
        HttpResponse<String> asked = api().send("POST", "/api/v1/me/home-visits", resident,
                "{\"purpose\":\"APPLICATION\",\"itemCode\":\"SI-08\",\"preferredTimes\":\"周二上午\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long visitId = Http.json(asked).get("id").asLong();

        // only the admin assigns here, only to the center's own people
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long staff01 = jdbc.sql("select id from account where username = 'xiaojie-staff01'").query(Long.class).single();
        long staff02 = jdbc.sql("select id from account where username = 'xiaojie-staff02'").query(Long.class).single();
        long elsewhere = jdbc.sql("select id from account where username = 'beijinglu-staff01'").query(Long.class)
                .single();
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/home-visits/" + visitId + "/assignment", staff,
                "{\"date\":\"" + today + "\",\"visitorIds\":[" + staff01 + "]}"), 403, "HOME_VISIT_ASSIGN_ADMIN_ONLY");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/home-visits/" + visitId + "/assignment", admin,
                "{\"date\":\"" + today + "\",\"visitorIds\":[" + elsewhere + "]}"), 404, "VISITOR_NOT_FOUND");
        HttpResponse<String> assigned = api().send("POST", "/api/v1/centers/xiaojie/home-visits/" + visitId
                + "/assignment", admin, "{\"date\":\"" + today + "\",\"visitorIds\":[" + staff01 + "]}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        // the visitor sees the address on the day; someone else cannot record it
        JsonNode mine = Http.json(api().get("/api/v1/me/home-visits/assigned", staff));
        assertThat(mine.get("visits").findValuesAsString("building")).contains("9栋");
        assertCode(api().send("POST", "/api/v1/me/home-visits/" + visitId + "/record", api().token("xiaojie-staff02"),
                "{\"summary\":\"已办理\"}"), 403, "HOME_VISIT_NOT_YOURS");
        assertThat(staff02).isNotEqualTo(staff01);
        String form = """
                {"applicantName":"李桂兰","phone":"%s","idNumber":"%s","forFamily":"false"}""".formatted(RESIDENT,
                "53011119400101002" + IdCardNumber.checkCharacter("53011119400101002"));
        assertCode(api().send("POST", "/api/v1/me/home-visits/" + visitId + "/record", staff,
                "{\"summary\":\"上门办理社保卡\",\"itemCode\":\"SI-08\",\"fields\":" + form + "}"), 400,
                "HOME_VISIT_SIGNATURE_REQUIRED");
        assertCode(api().send("POST", "/api/v1/me/home-visits/" + visitId + "/record", staff,
                "{\"summary\":\"上门办理社保卡\",\"itemCode\":\"SI-08\",\"fields\":" + form
                        + ",\"signature\":\"data:image/png;base64,AAAA\"}"), 400, "HOME_VISIT_SIGNATURE_INVALID");
        assertThat(jdbc.sql("select count(*) from application where channel = 'HOME_VISIT'").query(Integer.class)
                .single()).as("a refused record registers nothing").isZero();
        HttpResponse<String> recorded = api().send("POST", "/api/v1/me/home-visits/" + visitId + "/record", staff,
                "{\"summary\":\"上门办理社保卡\",\"itemCode\":\"SI-08\",\"fields\":" + form + ",\"signature\":\""
                        + signature() + "\",\"nextInDays\":30}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode done = Http.json(recorded);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        String number = done.get("applicationNumber").asString();
        long residentAccount = jdbc.sql("select id from account where phone = ?").param(RESIDENT).query(Long.class)
                .single();
        assertThat(jdbc.sql("select applicant_id from application where number = ? and channel = 'HOME_VISIT'")
                .param(number).query(Long.class).single()).isEqualTo(residentAccount);
        assertCode(api().send("POST", "/api/v1/me/home-visits/" + visitId + "/record", staff,
                "{\"summary\":\"再记一次\"}"), 409, "HOME_VISIT_CLOSED");

        // the follow-up is open and, once its day has passed, overdue
        long followUp = jdbc.sql("select id from home_visit where follow_up_of = ?").param(visitId).query(Long.class)
                .single();
        jdbc.sql("update home_visit set due_on = current_date - 1 where id = ?").param(followUp).update();
        assertThat(Http.json(api().get("/api/v1/centers/xiaojie/home-visits?overdue=true", staff)).get("visits")
                .findValues("id").stream().map(JsonNode::asLong).toList()).contains(followUp);

        JsonNode summary = Http.json(api().get("/api/v1/centers/xiaojie/home-visits/summary?month="
                + YearMonth.now(ZoneId.of("Asia/Shanghai")), admin));
        assertThat(summary.get("byReason").get("LIVES_ALONE").asInt()).isPositive();

        // the resident sees and downloads what is held, then has it deleted; the count stays
        JsonNode held = Http.json(api().get("/api/v1/me/home-care", resident));
        assertThat(held.get("entries").get(0).get("details").get("accessNotes").asString()).isEqualTo("三楼，无电梯");
        assertThat(Http.json(api().send("DELETE", "/api/v1/me/home-care", resident, null)).get("erased").asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql("select sealed from home_care_profile where id = ?").param(entryId).query(String.class)
                .optional().orElse(null)).isNull();
        assertThat(jdbc.sql("select count(*) from home_visit where profile_id = ? and record_sealed is not null")
                .param(entryId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select status from home_visit where id = ?").param(followUp).query(String.class)
                .single()).isEqualTo("CANCELLED");
        assertThat(Http.json(api().get("/api/v1/centers/xiaojie/home-visits/summary?month="
                + YearMonth.now(ZoneId.of("Asia/Shanghai")), admin)).get("byReason").get("LIVES_ALONE").asInt())
                .as("an anonymised count remains").isPositive();
        assertCode(api().send("POST", "/api/v1/me/home-visits", resident, "{\"purpose\":\"CHECK_IN\"}"), 409,
                "HOME_CARE_NO_CONSENT");
    }
}
