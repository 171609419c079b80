package org.linli.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Last month's published roster is worked: weekend duties credit days, evenings record late starts,
 * once each; leave beyond the balance is refused with it; approved leave is a use entry; the balance is
 * always the sum of the entries.
 */
@LinliWebTest
class CompensatoryTimeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.linli.roster.internal.RosterTestAccess access;

    Api api() {
        return new Api(port);
    }

    @Test
    void workedDutiesCreditOnceAndLeaveUsesTheBalance() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String admin = api().token("xiaojie-center-admin");
        HttpResponse<String> generated = api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/generate",
                admin, null);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        assertThat(api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/publish", admin, null)
                .statusCode()).isEqualTo(200);
        access.creditWorked(); // (the scheduled job may have done it already; either way, once)
        assertThat(access.creditWorked()).as("credited once").isZero();
        assertThat(jdbc.sql("select count(*) from comp_entry where center_code = 'xiaojie' and kind = 'CREDIT'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from (select reference from comp_entry group by reference having count(*) > 1) t""")
                .query(Long.class).single()).isZero();

        String username = jdbc.sql("""
                select a.username from duty_assignment d join duty_roster r on r.id = d.roster_id
                  join account a on a.id = d.account_id
                 where r.center_code = 'xiaojie' and d.kind in ('WEEKEND', 'HOLIDAY_DUTY') and a.username is not null
                 order by d.id limit 1""").query(String.class).single();
        String staff = api().token(username);
        JsonNode mine = Http.json(api().get("/api/v1/centers/xiaojie/compensatory/me", staff));
        BigDecimal balance = new BigDecimal(mine.get("balance").asString());
        assertThat(balance).isGreaterThanOrEqualTo(BigDecimal.ONE);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode e : mine.get("entries")) {
            if (!"LATE_START".equals(e.get("kind").asString())) {
                sum = sum.add(new BigDecimal(e.get("days").asString()));
            }
        }
        assertThat(sum).isEqualByComparingTo(balance);

        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(2).with(DayOfWeek.WEDNESDAY);
        HttpResponse<String> tooMuch = api().send("POST", "/api/v1/centers/xiaojie/leave-requests", staff,
                "{\"date\":\"" + day + "\",\"days\":1}");
        // ask for all but the last day first, then one more than is left
        for (int i = 1; i < balance.intValue(); i++) {
            assertThat(api().send("POST", "/api/v1/centers/xiaojie/leave-requests", staff,
                    "{\"date\":\"" + day.plusWeeks(i) + "\",\"days\":1}").statusCode()).isEqualTo(201);
        }
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(201);
        HttpResponse<String> refused = api().send("POST", "/api/v1/centers/xiaojie/leave-requests", staff,
                "{\"date\":\"" + day.plusDays(1) + "\",\"days\":1}");
        assertCode(refused, 409, "LEAVE_BEYOND_BALANCE");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/leave-requests", staff,
                "{\"date\":\"" + day.with(DayOfWeek.SATURDAY) + "\",\"days\":1}"), 400, "LEAVE_NOT_WORKING_DAY");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/leave-requests", staff,
                "{\"date\":\"" + day.plusDays(1) + "\",\"days\":0.3}"), 400, "LEAVE_DAYS_INVALID");

        long request = Http.json(tooMuch).get("id").asLong();
        assertThat(api().send("POST", "/api/v1/centers/xiaojie/leave-requests/" + request, admin,
                "{\"approve\":true}").statusCode()).isEqualTo(204);
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/leave-requests/" + request, admin,
                "{\"approve\":true}"), 409, "LEAVE_DECIDED");
        BigDecimal after = new BigDecimal(Http.json(api().get("/api/v1/centers/xiaojie/compensatory/me", staff))
                .get("balance").asString());
        assertThat(after).isEqualByComparingTo(balance.subtract(BigDecimal.ONE));
    }
}
