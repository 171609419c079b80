package org.linli.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A roster after the solver: the admin changes a draft by hand and sees what breaks, re-publishes a
 * published roster with a reason (refused when it breaks a hard rule), and reads coverage, per-person
 * figures, the history and the register exports.
 */
@LinliWebTest
class RosterChangesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    record Duty(long id, LocalDate date, String kind, long accountId) {
    }

    static List<Duty> duties(JsonNode roster) {
        List<Duty> duties = new ArrayList<>();
        roster.get("duties").forEach(d -> duties.add(new Duty(d.get("id").asLong(), LocalDate.parse(d.get("date")
                .asString()), d.get("kind").asString(), d.get("accountId").asLong())));
        return duties;
    }

    /** A weekday lunchtime duty, and someone else who works that same day (giving it to them breaks a rule). */
    static Duty lunchtime(List<Duty> duties) {
        return duties.stream().filter(d -> d.kind().equals("LUNCHTIME")).findFirst().orElseThrow();
    }

    static long busySameDay(List<Duty> duties, Duty duty) {
        return duties.stream().filter(d -> d.date().equals(duty.date()) && d.accountId() != duty.accountId())
                .findFirst().orElseThrow().accountId();
    }

    /** Staff at the center with no duty that day and no day off stated for it. */
    long freeOn(String center, List<Duty> duties, LocalDate day, Set<Long> except) {
        Set<Long> busy = duties.stream().filter(d -> d.date().equals(day)).map(Duty::accountId)
                .collect(Collectors.toSet());
        return jdbc.sql("""
                select distinct g.account_id from role_grant g join center c on c.id = g.center_id
                 where c.code = ? and g.role = 'STAFF'
                   and not exists (select 1 from staff_unavailability u where u.account_id = g.account_id and u.day = ?)
                   and not exists (select 1 from leave_request l where l.account_id = g.account_id and l.on_day = ?
                                   and l.status = 'APPROVED')
                 order by 1""").params(center, day, day).query(Long.class).list().stream()
                .filter(a -> !busy.contains(a) && !except.contains(a)).findFirst().orElseThrow();
    }

    @Test
    void theAdminAdjustsADraftSeesWhatBreaksAndRepublishesWithHistory() throws Exception {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(4).toString();
        String admin = api().token("xiaojie-center-admin");
        String base = "/api/v1/centers/xiaojie/rosters/" + month;
        JsonNode generated = Http.json(api().send("POST", base + "/generate", admin, null));
        List<Duty> duties = duties(generated);
        Duty lunch = lunchtime(duties);
        long busy = busySameDay(duties, lunch);

        // a change by hand that breaks a rule stands on the draft, named, and blocks publishing
        HttpResponse<String> broken = api().send("PUT", base + "/duties/" + lunch.id(), admin,
                "{\"accountId\":" + busy + "}");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(200);
        JsonNode view = Http.json(broken);
        assertThat(view.get("hardScore").asInt()).isNegative();
        assertThat(view.get("broken").findValuesAsString("rule")).contains("Two extended shifts on one day");
        assertCode(api().send("POST", base + "/publish", admin, null), 409, "ROSTER_INFEASIBLE");
        assertThat(Http.json(api().get(base, admin)).get("broken")).isNotEmpty();
        JsonNode restored = Http.json(api().send("PUT", base + "/duties/" + lunch.id(), admin,
                "{\"accountId\":" + lunch.accountId() + "}"));
        assertThat(restored.get("hardScore").asInt()).isZero();

        // coverage and per-person figures agree with the duties
        JsonNode report = Http.json(api().get(base + "/report", admin));
        assertThat(report.get("covered").asInt()).isEqualTo(report.get("shifts").asInt()).isPositive();
        int total = 0;
        double hours = 0;
        for (JsonNode p : report.get("people")) {
            total += p.get("duties").asInt();
            hours += p.get("hours").asDouble();
        }
        assertThat(total).isEqualTo(duties.size());
        double expectedHours = duties.stream().mapToDouble(d -> switch (d.kind()) {
            case "WEEKEND", "HOLIDAY_DUTY" -> 7;
            default -> 2;
        }).sum();
        assertThat(hours).isEqualTo(expectedHours);

        assertThat(Http.json(api().send("POST", base + "/publish", admin, null)).get("status").asString())
                .isEqualTo("PUBLISHED");
        // a published roster changes only by re-publishing: with a reason, and never against a hard rule
        assertCode(api().send("PUT", base + "/duties/" + lunch.id(), admin, "{\"accountId\":" + busy + "}"), 400,
                "ROSTER_CHANGE_REASON_REQUIRED");
        assertCode(api().send("PUT", base + "/duties/" + lunch.id(), admin,
                "{\"accountId\":" + busy + ",\"reason\":\"临时调整\"}"), 409, "RULE_TWO_A_DAY");
        assertThat(duties(Http.json(api().get(base, admin))).stream().filter(d -> d.id() == lunch.id())
                .findFirst().orElseThrow().accountId()).as("nothing changed").isEqualTo(lunch.accountId());
        long other = jdbc.sql("""
                select g.account_id from role_grant g join center c on c.id = g.center_id
                 where c.code = 'beijinglu' and g.role = 'STAFF' limit 1""").query(Long.class).single();
        assertCode(api().send("PUT", base + "/duties/" + lunch.id(), admin,
                "{\"accountId\":" + other + ",\"reason\":\"临时调整\"}"), 404, "STAFF_NOT_FOUND");

        long free = freeOn("xiaojie", duties, lunch.date(), Set.of());
        JsonNode republished = Http.json(api().send("PUT", base + "/duties/" + lunch.id(), admin,
                "{\"accountId\":" + free + ",\"reason\":\"王老师外出\"}"));
        assertThat(republished.get("revision").asInt()).isEqualTo(generated.get("revision").asInt() + 1);
        assertThat(republished.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode history = Http.json(api().get(base + "/history", admin)).get("changes");
        assertThat(history.findValuesAsString("via")).containsExactly("REPUBLISH", "PUBLISH");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("王老师外出");
        assertThat(history.get(0).get("fromAccount").asLong()).isEqualTo(lunch.accountId());
        assertThat(history.get(0).get("toAccount").asLong()).isEqualTo(free);
        // both people whose duties moved are told, once
        for (long person : List.of(free, lunch.accountId())) {
            long told = 0;
            for (int i = 0; i < 100 && told == 0; i++) {
                told = jdbc.sql("select count(*) from notification where account_id = ? and source_id = ?")
                        .params(person, "roster:" + republished.get("id").asLong() + ":"
                                + republished.get("revision").asInt()).query(Long.class).single();
                Thread.sleep(100);
            }
            assertThat(told).isEqualTo(1);
        }

        // the register exports: a title row, the center and month, Chinese headers, one row per duty
        HttpResponse<byte[]> xlsx = api().http().bytes(api().http().request(base + ".xlsx")
                .header("Authorization", "Bearer " + admin).build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("值班表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(month);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("日期");
            assertThat(sheet.getLastRowNum() - 2).isEqualTo(duties.size());
            assertThat(book.getSheetAt(1).getRow(2).getCell(2).getStringCellValue()).isEqualTo("值班小时");
        }
        HttpResponse<byte[]> ledger = api().http().bytes(api().http()
                .request("/api/v1/centers/xiaojie/compensatory/ledger.xlsx").header("Authorization", "Bearer " + admin)
                .build());
        assertThat(ledger.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger.body()))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(4).getStringCellValue()).isEqualTo("原因");
        }
        assertCode(api().get("/api/v1/centers/xiaojie/compensatory/ledger.xlsx", api().token("beijinglu-center-admin")),
                404, "CENTER_NOT_FOUND");
    }

    @Test
    void skillsAndSettingsAreCheckedAndTheSolverGivesEachWeekendSomeoneWithTheSkill() {
        String admin = api().token("xiaojie-center-admin");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(7).toString();
        assertCode(api().send("PUT", "/api/v1/centers/xiaojie/roster-settings", admin,
                "{\"maxWeekendsRunning\":9}"), 400, "ROSTER_WEEKENDS_RANGE");
        assertCode(api().send("PUT", "/api/v1/centers/xiaojie/skill-rules/NIGHT", admin, "{\"skill\":\"社保\"}"), 400,
                "ROSTER_KIND_UNKNOWN");
        List<Long> staff = jdbc.sql("""
                select distinct g.account_id from role_grant g join center c on c.id = g.center_id
                 where c.code = 'xiaojie' and g.role = 'STAFF' order by 1""").query(Long.class).list();
        List<Long> insured = staff.subList(0, 8);
        try {
            for (long person : insured) {
                assertThat(api().send("PUT", "/api/v1/centers/xiaojie/staff/" + person + "/skills", admin,
                        "{\"skills\":[\"社保经办\"]}").statusCode()).isEqualTo(204);
            }
            assertThat(api().send("PUT", "/api/v1/centers/xiaojie/skill-rules/WEEKEND", admin,
                    "{\"skill\":\"社保经办\"}").statusCode()).isEqualTo(204);
            JsonNode roster = Http.json(api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/generate",
                    admin, null));
            assertThat(roster.get("hardScore").asInt()).as(roster.get("broken").toString()).isZero();
            Map<String, List<Long>> weekendStaff = new HashMap<>();
            roster.get("duties").forEach(d -> {
                if (d.get("kind").asString().equals("WEEKEND")) {
                    weekendStaff.computeIfAbsent(d.get("date").asString(), k -> new ArrayList<>())
                            .add(d.get("accountId").asLong());
                }
            });
            assertThat(weekendStaff).isNotEmpty();
            weekendStaff.forEach((day, people) -> assertThat(people).as(day).anyMatch(insured::contains));
        } finally {
            api().send("PUT", "/api/v1/centers/xiaojie/skill-rules/WEEKEND", admin, "{\"skill\":\"\"}");
        }
    }
}
