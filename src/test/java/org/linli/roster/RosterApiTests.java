package org.linli.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Generating, reading and publishing a month's roster; an impossible month names what cannot be covered. */
@LinliWebTest
class RosterApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    @Test
    void xiaojiesNextMonthIsStaffedWithinTheRulesAndPublished() {
        // three months on: the browser test (which may share this database) publishes next month
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString();
        String admin = api().token("xiaojie-center-admin");
        HttpResponse<String> generated = api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/generate",
                admin, null);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        JsonNode roster = Http.json(generated);
        assertThat(roster.get("hardScore").asInt()).isZero();
        assertThat(roster.get("broken")).isEmpty();
        // every extended session has its staff: one at lunchtime and in the evening, two at weekends
        Map<String, Integer> perShift = new HashMap<>();
        Map<String, Integer> perPersonDay = new HashMap<>();
        for (JsonNode d : roster.get("duties")) {
            perShift.merge(d.get("date").asString() + d.get("kind").asString(), 1, Integer::sum);
            perPersonDay.merge(d.get("accountId").asLong() + "@" + d.get("date").asString(), 1, Integer::sum);
        }
        assertThat(perShift).isNotEmpty();
        perShift.forEach((shift, count) -> assertThat(count).as(shift)
                .isEqualTo(shift.endsWith("WEEKEND") || shift.endsWith("HOLIDAY_DUTY") ? 2 : 1));
        assertThat(perPersonDay.values()).as("nobody works two extended shifts a day").allMatch(n -> n == 1);

        HttpResponse<String> published = api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/publish",
                admin, null);
        assertThat(Http.json(published).get("status").asString()).isEqualTo("PUBLISHED");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/generate", admin, null), 409,
                "ROSTER_PUBLISHED");
        // another center's admin sees nothing
        assertCode(api().get("/api/v1/centers/xiaojie/rosters/" + month, api().token("beijinglu-center-admin")), 404,
                "CENTER_NOT_FOUND");
    }

    @Test
    void aMonthThatCannotBeCoveredSaysWhichShiftsAndWhyAndIsNotPublished() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(2);
        // everyone at 东站 but one is away the whole month: weekends need two
        java.util.List<Long> staff = jdbc.sql("""
                select distinct g.account_id from role_grant g join center c on c.id = g.center_id
                 where c.code = 'dongzhan' and g.role = 'STAFF' order by 1""").query(Long.class).list();
        assertThat(staff.size()).isGreaterThan(1);
        for (long account : staff.subList(1, staff.size())) {
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                jdbc.sql("insert into staff_unavailability (center_code, account_id, day, reason) values "
                        + "('dongzhan', ?, ?, '外出培训')").params(account, month.atDay(day)).update();
            }
        }
        String admin = api().token("dongzhan-center-admin");
        HttpResponse<String> generated = api().send("POST", "/api/v1/centers/dongzhan/rosters/" + month + "/generate",
                admin, null);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        JsonNode roster = Http.json(generated);
        assertThat(roster.get("hardScore").asInt()).isNegative();
        assertThat(roster.get("broken")).isNotEmpty();
        assertThat(roster.get("broken").get(0).get("rule").asString()).isNotBlank();
        assertCode(api().send("POST", "/api/v1/centers/dongzhan/rosters/" + month + "/publish", admin, null), 409,
                "ROSTER_INFEASIBLE");
    }
}
