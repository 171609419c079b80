package org.linli.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Volunteering through the API: who may register, sign-ups, the door, records, corrections, certificates. */
@LinliWebTest
class VolunteerApiTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final java.util.List<ServiceHoursRecorded> RECORDED = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final java.util.List<ServiceHoursCorrected> CORRECTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Stands where points and dashboards will listen: counts what the volunteering module raises. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Listening {

        @org.springframework.context.event.EventListener
        void on(ServiceHoursRecorded event) {
            RECORDED.add(event);
        }

        @org.springframework.context.event.EventListener
        void on(ServiceHoursCorrected event) {
            CORRECTED.add(event);
        }
    }

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

    static String idNumber(LocalDate born, int sequence, boolean male) {
        String first17 = "530199" + born.toString().replace("-", "") + "%02d%d".formatted(sequence, male ? 1 : 2);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    String adult(String phone, String name, int age, int sequence) {
        String token = resident(phone);
        HttpResponse<String> saved = api().send("PUT", "/api/v1/me/real-name", token, "{\"realName\":\"" + name
                + "\",\"idNumber\":\"" + idNumber(LocalDate.now(SHANGHAI).minusYears(age).minusDays(30), sequence, true)
                + "\",\"address\":null,\"homeCenterCode\":\"jinmasi\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return token;
    }

    long recruitment(String extra, int needed, OffsetDateTime start) {
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/jinmasi/recruitments",
                api().token("jinmasi-staff01"), "{\"title\":\"图书整理\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                        + start.plusHours(2) + "\",\"needed\":" + needed + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    @Test
    void anAdultRegistersSignsUpOnceChecksInAndOutAndStaffConfirmTheRecord() {
        String token = adult("13900090001", "孙立", 35, 91);
        HttpResponse<String> registered = api().send("POST", "/api/v1/me/volunteer", token,
                "{\"skills\":[\"英语\",\"英语\"],\"availability\":[\"WEEKEND\"],\"emergencyName\":\"孙红\","
                        + "\"emergencyPhone\":\"13900090009\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode me = Http.json(registered);
        assertThat(me.get("number").asString()).matches("GD\\d{10}");
        assertThat(me.get("skills")).hasSize(1);
        assertThat(me.get("emergencyContact").asString()).contains("孙*").contains("139****0009");
        assertCode(api().send("POST", "/api/v1/me/volunteer", token, "{}"), 409, "VOLUNTEER_EXISTS");

        // a recruitment starting within the hour: sign up, once; then the door is open
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusMinutes(30).withNano(0);
        long id = recruitment("", 5, start);
        String path = "/api/v1/recruitments/" + id + "/signups";
        HttpResponse<String> signed = api().send("POST", path, token, null);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        assertThat(Http.json(signed).get("status").asString()).isEqualTo("CONFIRMED");
        assertCode(api().send("POST", path, token, null), 409, "ALREADY_SIGNED_UP");

        assertCode(api().send("POST", "/api/v1/recruitments/" + id + "/check-out", token, null), 409,
                "VOLUNTEER_CHECK_OUT_NOT_POSSIBLE");
        assertThat(api().send("POST", "/api/v1/recruitments/" + id + "/check-in", token, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> out = api().send("POST", "/api/v1/recruitments/" + id + "/check-out", token, null);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(201);
        long record = Http.json(out).get("serviceRecordId").asLong();

        // another center's staff cannot confirm it; the organising center's can, once, raising the event once
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/service-records/" + record + "/confirm",
                api().token("xiaojie-staff01"), "{}"), 404, "SERVICE_RECORD_NOT_FOUND");
        String staff = api().token("jinmasi-staff01");
        HttpResponse<String> tooLong = api().send("POST", "/api/v1/centers/jinmasi/service-records/" + record
                + "/confirm", staff, "{\"netMinutes\":600}");
        assertCode(tooLong, 400, "NET_MINUTES_TOO_LONG");
        assertThat(Http.json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("netMinutes");
        HttpResponse<String> confirmed = api().send("POST", "/api/v1/centers/jinmasi/service-records/" + record
                + "/confirm", staff, "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/service-records/" + record + "/confirm", staff, "{}"),
                409, "SERVICE_RECORD_DECIDED");
        assertThat(RECORDED.stream().filter(e -> e.serviceRecordId() == record).count()).isEqualTo(1);
        assertThat(Http.json(api().get("/api/v1/me/service-records", token)).get("records").get(0).get("status")
                .asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void submittedHoursCannotBeLongerThanTheirSpanAndCorrectionsKeepHistory() {
        String token = adult("13900090002", "周敏", 40, 92);
        api().send("POST", "/api/v1/me/volunteer", token, "{}");
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusDays(1).withNano(0);
        long id = recruitment("", 5, start);
        api().send("POST", "/api/v1/recruitments/" + id + "/signups", token, null);
        // the recruitment took place (moved into the past for the test), the check-in was missed
        jdbc.sql("update recruitment set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' "
                + "where id = ?").param(id).update();
        OffsetDateTime began = OffsetDateTime.now(SHANGHAI).minusHours(3).withNano(0);
        String body = "{\"recruitmentId\":%d,\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"netMinutes\":%d,\"content\":\"整理图书\"}";
        HttpResponse<String> tooLong = api().send("POST", "/api/v1/me/service-records", token,
                body.formatted(id, began, began.plusHours(2), 121));
        assertCode(tooLong, 400, "NET_MINUTES_TOO_LONG");
        assertThat(jdbc.sql("select count(*) from service_record where recruitment_id = ?").param(id)
                .query(Long.class).single()).isZero();
        HttpResponse<String> submitted = api().send("POST", "/api/v1/me/service-records", token,
                body.formatted(id, began, began.plusHours(2), 100));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long record = Http.json(submitted).get("id").asLong();
        String staff = api().token("jinmasi-staff01");
        api().send("POST", "/api/v1/centers/jinmasi/service-records/" + record + "/confirm", staff, "{}");

        HttpResponse<String> asked = api().send("POST", "/api/v1/me/service-records/" + record + "/corrections",
                token, "{\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"netMinutes\":115,\"reason\":\"漏算了整理书架的时间\"}"
                        .formatted(began, began.plusHours(2)));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertCode(api().send("POST", "/api/v1/me/service-records/" + record + "/corrections", token,
                "{\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"netMinutes\":110,\"reason\":\"再来一次\"}"
                        .formatted(began, began.plusHours(2))), 409, "CORRECTION_PENDING");
        long correction = Http.json(asked).get("id").asLong();
        assertThat(jdbc.sql("select net_minutes from service_record where id = ?").param(record)
                .query(Integer.class).single()).as("nothing changes before review").isEqualTo(100);
        assertThat(api().send("POST", "/api/v1/centers/jinmasi/corrections/" + correction, staff,
                "{\"approve\":true}").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select net_minutes from service_record where id = ?").param(record)
                .query(Integer.class).single()).isEqualTo(115);
        assertThat(jdbc.sql("select previous ->> 'netMinutes' from service_record_correction where id = ?")
                .param(correction).query(String.class).single()).isEqualTo("100");
        assertThat(CORRECTED.stream().filter(e -> e.serviceRecordId() == record && e.previousMinutes() == 100
                && e.netMinutes() == 115).count()).isEqualTo(1);

        // a certificate for the period, verifiable by anyone with its code; an unknown code says nothing more
        HttpResponse<String> issued = api().send("POST", "/api/v1/me/certificates", token,
                "{\"centerCode\":\"jinmasi\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(
                        LocalDate.now(SHANGHAI).minusDays(7), LocalDate.now(SHANGHAI)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode certificate = Http.json(issued);
        assertThat(certificate.get("totalMinutes").asInt()).isEqualTo(115);
        JsonNode verified = Http.json(api().http().get("/api/v1/certificates/"
                + certificate.get("verificationCode").asString()));
        assertThat(verified.get("hours").asString()).isEqualTo("1.9");
        assertThat(verified.toString()).doesNotContain("530199").doesNotContain("周敏");
        assertCode(api().http().get("/api/v1/certificates/ABCDEFGHJKLM"), 404, "CERTIFICATE_NOT_FOUND");
        assertCode(api().send("POST", "/api/v1/me/certificates", token,
                "{\"centerCode\":\"xiaojie\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}"), 409, "NO_CONFIRMED_HOURS");
    }

    @Test
    void minorsNeedAGuardianAndNeverSeeDangerousTasks() {
        String parent = adult("13900090003", "吴刚", 42, 93);
        String teen = resident("13900090004");
        LocalDate teenBorn = LocalDate.now(SHANGHAI).minusYears(15).minusDays(20);
        String teenId = idNumber(teenBorn, 94, true);
        assertThat(api().send("POST", "/api/v1/me/household/children", parent,
                "{\"realName\":\"吴小川\",\"idNumber\":\"" + teenId + "\"}").statusCode()).isEqualTo(201);
        assertThat(api().send("PUT", "/api/v1/me/real-name", teen, "{\"realName\":\"吴小川\",\"idNumber\":\"" + teenId
                + "\",\"address\":null,\"homeCenterCode\":\"jinmasi\"}").statusCode()).isEqualTo(200);

        JsonNode pending = Http.json(api().send("POST", "/api/v1/me/volunteer", teen, "{}"));
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_CONSENT");
        long safe = recruitment("", 5, OffsetDateTime.now(SHANGHAI).plusDays(2).withNano(0));
        long dangerous = recruitment(",\"dangerous\":true", 5, OffsetDateTime.now(SHANGHAI).plusDays(2).withNano(0));
        assertCode(api().send("POST", "/api/v1/recruitments/" + safe + "/signups", teen, null), 409,
                "GUARDIAN_CONSENT_REQUIRED");
        // the guardian was told and consents
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%GuardianConsentRequested'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api().send("POST", "/api/v1/me/volunteer-consents/" + pending.get("id").asLong(), parent, null)
                .statusCode()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/recruitments/" + safe + "/signups", teen, null).statusCode())
                .isEqualTo(201);
        HttpResponse<String> refused = api().send("POST", "/api/v1/recruitments/" + dangerous + "/signups", teen, null);
        assertCode(refused, 409, "MINOR_DANGEROUS_TASK");
        // nor is the teenager among those told about the dangerous task
        assertThat(jdbc.sql("""
                select count(*) from event_publication
                 where event_type like '%RecruitmentPublished' and serialized_event like ?
                   and serialized_event like ?""")
                .params("%\"recruitmentId\":" + dangerous + ",%", "%" + jdbc.sql(
                        "select account_id from volunteer where id = ?").param(pending.get("id").asLong())
                        .query(Long.class).single() + "%").query(Long.class).single()).isZero();

        // under 14: only a guardian registers them
        String child = resident("13900090005");
        String childId = idNumber(LocalDate.now(SHANGHAI).minusYears(10), 95, false);
        long childPerson = Http.json(api().send("POST", "/api/v1/me/household/children", parent,
                "{\"realName\":\"吴小朵\",\"idNumber\":\"" + childId + "\"}")).get("personId").asLong();
        assertCode(api().send("POST", "/api/v1/me/volunteer", child, "{}"), 409, "REAL_NAME_REQUIRED");
        HttpResponse<String> byGuardian = api().send("POST", "/api/v1/me/household/volunteers", parent,
                "{\"personId\":" + childPerson + "}");
        assertThat(byGuardian.statusCode()).as(byGuardian.body()).isEqualTo(201);
        assertThat(Http.json(byGuardian).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void partnersNeedAValidCreditCodeAndExportsAreLogged() {
        String admin = api().token("jinmasi-center-admin");
        String body = "{\"code\":\"kunming-uni\",\"name\":\"昆明某大学\",\"kind\":\"UNIVERSITY\",\"creditCode\":\"%s\","
                + "\"agreementFrom\":\"2026-01-01\",\"agreementTo\":\"2027-12-31\",\"provides\":\"20 名学生\","
                + "\"coordinatorPhone\":\"13900090010\"}";
        HttpResponse<String> wrong = api().send("POST", "/api/v1/centers/jinmasi/partners", admin,
                body.formatted("91530111MA6K3P2Q63"));
        assertCode(wrong, 400, "CREDIT_CODE_INVALID");
        assertThat(Http.json(wrong).get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
        HttpResponse<String> ok = api().send("POST", "/api/v1/centers/jinmasi/partners", admin,
                body.formatted("52530111MJ9Y8T7R59"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String coordinator = resident("13900090010");
        HttpResponse<String> members = api().get("/api/v1/partners/kunming-uni/members", coordinator);
        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
        assertCode(api().get("/api/v1/partners/kunming-uni/members", resident("13900090011")), 404,
                "PARTNER_NOT_FOUND");

        long before = jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEERS_EXPORTED'")
                .query(Long.class).single();
        HttpResponse<String> csv = api().get("/api/v1/centers/fenghuangshan/volunteers.csv",
                api().token("fenghuangshan-center-admin"));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("志愿者编号").doesNotContain("530199");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEERS_EXPORTED'")
                .query(Long.class).single()).isEqualTo(before + 1);
        assertCode(api().get("/api/v1/centers/fenghuangshan/volunteers.csv", admin), 404, "CENTER_NOT_FOUND");
    }
}
