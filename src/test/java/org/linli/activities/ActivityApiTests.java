package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Activities through the contract's endpoints: publish, register, waitlist, cancel and promote, calendar file. */
@LinliWebTest
class ActivityApiTests {

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

    long publish(String title, int capacity) {
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withNano(0);
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/fenghuangshan/activities",
                api().token("fenghuangshan-staff05"), """
                {"title":"%s","category":"CHILDREN","startsAt":"%s","endsAt":"%s","capacity":%d,"spaceCode":null}
                """.formatted(title, start, start.plusHours(2), capacity));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    @Test
    void registrationsFillThePlacesThenTheWaitlistAndACancellationPromotesTheHead() {
        long id = publish("亲子绘本共读", 2);
        String a = resident("13900030001");
        String b = resident("13900030002");
        String c = resident("13900030003");
        String d = resident("13900030004");
        String path = "/api/v1/activities/" + id + "/registrations";
        assertThat(Http.json(api().send("POST", path, a, null)).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(Http.json(api().send("POST", path, b, null)).get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode third = Http.json(api().send("POST", path, c, null));
        assertThat(third.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(third.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(Http.json(api().send("POST", path, d, null)).get("waitlistPosition").asInt()).isEqualTo(2);
        assertCode(api().send("POST", path, a, null), 409, "ALREADY_REGISTERED");

        JsonNode activity = Http.json(api().http().get("/api/v1/activities/" + id));
        assertThat(activity.get("capacity").asInt()).isEqualTo(2);
        assertThat(activity.get("confirmed").asInt()).isEqualTo(2);
        assertThat(activity.get("waitlisted").asInt()).isEqualTo(2);

        HttpResponse<String> cancelled = api().send("DELETE", path + "/me", a, null);
        assertThat(cancelled.statusCode()).isEqualTo(204);
        // the 204 means the promotion is done too
        assertThat(Http.json(api().get(path + "/me", c)).get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode dNow = Http.json(api().get(path + "/me", d));
        assertThat(dNow.get("waitlistPosition").asInt()).as("positions close up").isEqualTo(1);
        assertCode(api().get(path + "/me", a), 404, "REGISTRATION_NOT_FOUND");
        activity = Http.json(api().http().get("/api/v1/activities/" + id));
        assertThat(activity.get("confirmed").asInt()).isEqualTo(2);
        assertThat(activity.get("waitlisted").asInt()).isEqualTo(1);

        // fewer places than confirmed is refused; more places confirm the head of the waitlist at once
        String staff = api().token("fenghuangshan-staff05");
        String capacity = "/api/v1/centers/fenghuangshan/activities/" + id + "/capacity";
        assertCode(api().send("PUT", capacity, staff, "{\"capacity\":1}"), 400, "CAPACITY_BELOW_CONFIRMED");
        assertCode(api().send("PUT", "/api/v1/centers/xiaojie/activities/" + id + "/capacity",
                api().token("xiaojie-staff18"), "{\"capacity\":5}"), 404, "ACTIVITY_NOT_FOUND");
        JsonNode bigger = Http.json(api().send("PUT", capacity, staff, "{\"capacity\":3}"));
        assertThat(bigger.get("confirmed").asInt()).isEqualTo(3);
        assertThat(bigger.get("waitlisted").asInt()).isZero();
        assertThat(Http.json(api().get(path + "/me", d)).get("status").asString()).isEqualTo("CONFIRMED");
        assertCode(api().send("PUT", capacity, staff, "{\"capacity\":2}"), 400, "CAPACITY_BELOW_CONFIRMED");
        // back to two places needs someone to leave first; then c waits again
        assertThat(api().send("DELETE", path + "/me", c, null).statusCode()).isEqualTo(204);
        assertThat(api().send("PUT", capacity, staff, "{\"capacity\":2}").statusCode()).isEqualTo(200);
        assertThat(Http.json(api().send("POST", path, c, null)).get("status").asString()).isEqualTo("WAITLISTED");
        d = c;
        // a waitlisted person leaving closes the gap without touching the confirmed
        assertThat(api().send("DELETE", path + "/me", d, null).statusCode()).isEqualTo(204);
        assertThat(Http.json(api().http().get("/api/v1/activities/" + id)).get("waitlisted").asInt()).isZero();
        assertCode(api().send("DELETE", path + "/me", d, null), 404, "REGISTRATION_NOT_FOUND");
    }

    @Test
    void theCalendarFileIsRfc5545InUtc() {
        long id = publish("少儿编程体验课", 10);
        HttpResponse<String> ics = api().http().get("/api/v1/activities/" + id + "/calendar.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:activity-" + id + "@linli")
                .containsPattern("DTSTART:\\d{8}T\\d{6}Z").contains("SUMMARY:少儿编程体验课").doesNotContain("TZID");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        String staff = api().token("fenghuangshan-staff06");
        String start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0).toString();
        assertCode(api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff,
                "{\"title\":\"x\",\"category\":\"PARTY\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start
                        + "\",\"capacity\":5}"), 400, "ACTIVITY_CATEGORY_UNKNOWN");
        assertCode(api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff,
                "{\"title\":\"x\",\"category\":\"ELDERLY\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start
                        + "\",\"capacity\":5}"), 400, "ACTIVITY_ENDS_BEFORE_START");
        assertCode(api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff,
                "{\"title\":\"x\",\"category\":\"ELDERLY\",\"startsAt\":\"" + start + "\",\"endsAt\":\"2099-01-01T10:00\","
                        + "\"capacity\":0}"), 400, "ACTIVITY_CAPACITY_RANGE");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/activities", staff,
                "{\"title\":\"x\",\"category\":\"ELDERLY\",\"startsAt\":\"" + start + "\",\"endsAt\":\"2099-01-01T10:00\","
                        + "\"capacity\":5}"), 404, "CENTER_NOT_FOUND");
        String later = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).toString();
        HttpResponse<String> notYet = api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff,
                "{\"title\":\"周末观影\",\"category\":\"FAMILY\",\"startsAt\":\"" + start + "\",\"endsAt\":\"2099-01-01T10:00\","
                        + "\"capacity\":5,\"registrationOpensAt\":\"" + later + "\"}");
        long id = Http.json(notYet).get("id").asLong();
        assertCode(api().send("POST", "/api/v1/activities/" + id + "/registrations", resident("13900030005"), null),
                409, "REGISTRATION_NOT_OPEN");
        assertCode(api().http().get("/api/v1/activities/999999"), 404, "ACTIVITY_NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from activity where title = 'x'").query(Integer.class).single()).isZero();
    }
}
