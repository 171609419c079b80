package org.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The official calendar and opening hours through the contract's endpoints, on the demo's hours. */
@LinliWebTest
class CalendarApiTests {

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

    @Test
    void theOfficialCalendarWinsOverTheWeekday() {
        assertDay("2026-10-03", "HOLIDAY", "国庆节", false);
        assertDay("2026-10-08", "WORKDAY", null, false);
        assertDay("2026-02-28", "ADJUSTED_WORKDAY", "春节", false);
        assertDay("2026-11-28", "WEEKEND", null, false);
        assertDay("2026-02-16", "HOLIDAY", "春节", false);
        assertDay("2029-10-01", "WORKDAY", null, true);
    }

    private void assertDay(String date, String kind, String name, boolean provisional) {
        JsonNode day = get("/api/v1/calendar/" + date);
        assertThat(day.get("dayKind").asString()).as(date).isEqualTo(kind);
        assertThat(day.get("holidayName").isNull() ? null : day.get("holidayName").asString()).as(date).isEqualTo(name);
        assertThat(day.get("provisional").asBoolean()).as(date).isEqualTo(provisional);
    }

    @Test
    void workingDaysSkipHolidaysAndCountAdjustedWorkingDays() {
        JsonNode national = get("/api/v1/calendar/working-days?from=2026-09-30&add=3");
        assertThat(national.get("date").asString()).isEqualTo("2026-10-10");
        assertThat(national.get("provisional").asBoolean()).isFalse();
        assertThat(get("/api/v1/calendar/working-days?from=2026-02-13&add=1").get("date").asString())
                .isEqualTo("2026-02-14");
        assertThat(get("/api/v1/calendar/working-days?from=2026-02-14&add=1").get("date").asString())
                .isEqualTo("2026-02-24");
        JsonNode beyond = get("/api/v1/calendar/working-days?from=2027-12-30&add=3");
        assertThat(beyond.get("date").asString()).isEqualTo("2028-01-04");
        assertThat(beyond.get("provisional").asBoolean()).isTrue();
        assertCode(api().http().get("/api/v1/calendar/working-days?from=2026-13-01&add=3"), 400, "DATE_INVALID");
        assertCode(api().http().get("/api/v1/calendar/working-days?from=2026-01-01&add=-1"), 400, "WORKING_DAYS_RANGE");
        assertCode(api().http().get("/api/v1/calendar/2026-02-30"), 400, "DATE_INVALID");
    }

    @Test
    void xiaojieIsOpenInItsExtendedSessionsAndSaysWhenItOpensNext() {
        assertOpening("xiaojie", "2026-02-28T19:30", true, "EVENING", "ADJUSTED_WORKDAY", "2026-03-01T10:00:00+08:00");
        assertOpening("xiaojie", "2026-11-25T12:30", true, "LUNCHTIME", "WORKDAY", "2026-11-25T19:00:00+08:00");
        assertOpening("xiaojie", "2026-11-25T18:30", false, null, "WORKDAY", "2026-11-25T19:00:00+08:00");
        assertOpening("xiaojie", "2026-11-25T21:00", false, null, "WORKDAY", "2026-11-26T09:00:00+08:00");
        assertOpening("xiaojie", "2026-11-28T09:00", false, null, "WEEKEND", "2026-11-28T10:00:00+08:00");
        assertOpening("xiaojie", "2026-10-01T11:00", true, "HOLIDAY_DUTY", "HOLIDAY", "2026-10-02T10:00:00+08:00");
        assertOpening("xiaojie", "2026-11-25T04:30:00Z", true, "LUNCHTIME", "WORKDAY", "2026-11-25T19:00:00+08:00");
        assertOpening("dongzhan", "2026-10-01T11:00", false, null, "HOLIDAY", "2026-10-08T09:00:00+08:00");
    }

    @Test
    void theStudyRoomKeepsItsOwnHours() {
        JsonNode lunch = get("/api/v1/centers/beijinglu/opening?at=2026-11-28T12:30&space=study-room");
        assertThat(lunch.get("open").asBoolean()).isTrue();
        JsonNode holiday = get("/api/v1/centers/beijinglu/opening?at=2026-10-02T12:30&space=study-room");
        assertThat(holiday.get("open").asBoolean()).isFalse();
        assertThat(holiday.get("nextOpen").asString()).isEqualTo("2026-10-08T08:00:00+08:00");
        assertCode(api().http().get("/api/v1/centers/beijinglu/opening?space=no-such-room"), 404, "SPACE_NOT_FOUND");

        assertThat(api().send("POST", "/api/v1/centers/beijinglu/hours/exceptions", api().token("beijinglu-center-admin"),
                "{\"date\":\"2026-12-19\",\"closed\":true,\"note\":\"消防检查\"}").statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/centers/beijinglu/opening?at=2026-12-19T12:30&space=study-room").get("open").asBoolean())
                .as("the whole center closed closes the study room too").isFalse();
        assertCode(api().http().get("/api/v1/centers/no-such/opening"), 404, "CENTER_NOT_FOUND");
        assertCode(api().http().get("/api/v1/centers/xiaojie/opening?at=tomorrow"), 400, "DATE_TIME_INVALID");
        assertCode(api().http().get("/api/v1/centers/xiaojie/opening?at=%2B999999999-12-31T23:59:59-18:00"), 400,
                "DATE_TIME_INVALID");
        assertCode(api().http().get("/api/v1/centers/xiaojie/hours?from=%2B300000-01-01"), 400, "DATE_INVALID");
    }

    private void assertOpening(String center, String at, boolean open, String session, String dayKind, String next) {
        JsonNode opening = get("/api/v1/centers/" + center + "/opening?at=" + at);
        assertThat(opening.get("open").asBoolean()).as(center + " " + at).isEqualTo(open);
        assertThat(opening.get("session").isNull() ? null : opening.get("session").asString()).as(at).isEqualTo(session);
        assertThat(opening.get("dayKind").asString()).as(at).isEqualTo(dayKind);
        assertThat(opening.get("nextOpen").asString()).as(at).isEqualTo(next);
    }

    @Test
    void aCenterAdminClosesForTrainingAndOpensForHolidayDuty() {
        String admin = api().token("qianxing-center-admin");
        assertThat(api().send("POST", "/api/v1/centers/qianxing/hours/exceptions", admin,
                "{\"date\":\"2026-12-02\",\"closed\":true,\"note\":\"内部培训\"}").statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/centers/qianxing/opening?at=2026-12-02T10:00").get("open").asBoolean()).isFalse();
        assertThat(api().send("POST", "/api/v1/centers/qianxing/hours/exceptions", admin,
                "{\"date\":\"2026-10-05\",\"session\":\"HOLIDAY_DUTY\",\"opens\":\"09:00\",\"closes\":\"12:00\"}")
                .statusCode()).isEqualTo(201);
        JsonNode duty = get("/api/v1/centers/qianxing/opening?at=2026-10-05T10:00");
        assertThat(duty.get("session").asString()).isEqualTo("HOLIDAY_DUTY");

        assertThat(api().send("POST", "/api/v1/centers/qianxing/hours/rules", admin,
                "{\"dayType\":\"SUNDAY\",\"session\":\"WEEKEND\",\"opens\":\"09:00\",\"closes\":\"11:00\"}")
                .statusCode()).isEqualTo(201);
        assertCode(api().send("POST", "/api/v1/centers/qianxing/hours/rules", admin,
                "{\"dayType\":\"SUNDAY\",\"session\":\"WEEKEND\",\"opens\":\"10:30\",\"closes\":\"12:00\"}"), 409,
                "HOURS_OVERLAP");
        assertCode(api().send("POST", "/api/v1/centers/qianxing/hours/rules", admin,
                "{\"dayType\":\"SATURDAY\",\"session\":\"WEEKEND\",\"opens\":\"25:00\",\"closes\":\"26:00\"}"), 400,
                "TIME_INVALID");
        assertCode(api().send("POST", "/api/v1/centers/qianxing/hours/rules", admin,
                "{\"dayType\":\"SOMEDAY\",\"session\":\"WEEKEND\",\"opens\":\"13:00\",\"closes\":\"14:00\"}"), 400,
                "DAY_TYPE_INVALID");
        assertCode(api().send("POST", "/api/v1/centers/qianxing/hours/rules", api().token("qianxing-staff01"),
                "{\"dayType\":\"SUNDAY\",\"session\":\"WEEKEND\",\"opens\":\"09:00\",\"closes\":\"11:00\"}"), 403,
                "FORBIDDEN");
    }

    @Test
    void aCsvWithABadRowIsRefusedWholeNamingTheLine() {
        String admin = api().token("district-admin");
        long before = jdbc.sql("select count(*) from official_day").query(Long.class).single();
        HttpResponse<String> refused = importCsv(admin, """
                date,kind,name
                2027-01-01,holiday,元旦
                2027-02-30,holiday,春节
                """);
        assertCode(refused, 400, "CALENDAR_CSV_DATE");
        assertThat(Http.json(refused).get("detail").asString()).contains("第 3 行");
        assertThat(jdbc.sql("select count(*) from official_day").query(Long.class).single()).isEqualTo(before);
        assertThat(get("/api/v1/calendar/2027-01-01").get("provisional").asBoolean()).isTrue();

        assertCode(importCsv(api().token("xiaojie-center-admin"), "date,kind,name\n2027-01-01,holiday,元旦\n"), 403,
                "FORBIDDEN");
        HttpResponse<String> imported = importCsv(admin, """
                date,kind,name
                2027-01-01,holiday,元旦
                2027-01-02,workday,元旦
                2027-02-06,holiday,春节
                2027-02-07,holiday,春节
                2027-02-08,holiday,春节
                2027-02-09,holiday,春节
                2028-01-01,holiday,元旦
                """);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertDay("2027-01-01", "HOLIDAY", "元旦", false);
        assertDay("2027-01-02", "ADJUSTED_WORKDAY", "元旦", false);
        assertDay("2028-01-01", "HOLIDAY", "元旦", true);
        assertDay("2028-05-06", "WEEKEND", null, true);
    }

    private HttpResponse<String> importCsv(String token, String csv) {
        return api().http().send(api().http().request("/api/v1/calendar/import").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }
}
