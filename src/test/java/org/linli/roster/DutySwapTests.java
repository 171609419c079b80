package org.linli.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.roster.RosterChangesTests.Duty;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 换班: asked, accepted by the colleague, approved by the admin (or automatically), always checked
 * against the hard rules on the roster as it then stands — also when two approvals race.
 */
@LinliWebTest
class DutySwapTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    String tokenOf(long account) {
        return api().token(jdbc.sql("select username from account where id = ?").param(account).query(String.class)
                .single());
    }

    List<Duty> published(String month) {
        String admin = api().token("xiaojie-center-admin");
        api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/generate", admin, null);
        HttpResponse<String> published = api().send("POST", "/api/v1/centers/xiaojie/rosters/" + month + "/publish",
                admin, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return RosterChangesTests.duties(Http.json(published));
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long freeOn(List<Duty> duties, LocalDate day, Set<Long> except) {
        Set<Long> busy = new java.util.HashSet<>(except);
        duties.stream().filter(d -> d.date().equals(day)).forEach(d -> busy.add(d.accountId()));
        return jdbc.sql("""
                select distinct g.account_id from role_grant g join center c on c.id = g.center_id
                 where c.code = 'xiaojie' and g.role = 'STAFF'
                   and not exists (select 1 from staff_unavailability u where u.account_id = g.account_id and u.day = ?)
                 order by 1""").param(day).query(Long.class).list().stream().filter(a -> !busy.contains(a))
                .findFirst().orElseThrow();
    }

    @Test
    void aSwapTakesEffectWhenTheColleagueAcceptsAndTheAdminApproves() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(5).toString();
        List<Duty> duties = published(month);
        Duty mine = RosterChangesTests.lunchtime(duties);
        String me = tokenOf(mine.accountId());
        String admin = api().token("xiaojie-center-admin");
        long busy = RosterChangesTests.busySameDay(duties, mine);
        long colleague = freeOn(duties, mine.date(), Set.of());

        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", me,
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + busy + "}"), 409, "RULE_TWO_A_DAY");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", tokenOf(colleague),
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + busy + "}"), 403, "SWAP_NOT_YOUR_DUTY");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", me,
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + mine.accountId() + "}"), 400, "SWAP_WITH_SELF");
        HttpResponse<String> asked = api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", me,
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + colleague + "}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long swap = Http.json(asked).get("id").asLong();
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", me,
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + colleague + "}"), 409, "SWAP_OPEN");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + swap + "/accept", tokenOf(busy), null),
                403, "SWAP_NOT_ASKED");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + swap + "/decision", admin,
                "{\"approve\":true}"), 409, "SWAP_NOT_ACCEPTED");

        String theirs = tokenOf(colleague);
        assertThat(Http.json(api().get("/api/v1/centers/xiaojie/duty-swaps", theirs)).get("mine")
                .findValuesAsString("status")).contains("REQUESTED");
        assertThat(Http.json(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + swap + "/accept", theirs,
                null)).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(Http.json(api().get("/api/v1/centers/xiaojie/duty-swaps", admin)).get("awaitingApproval")
                .findValues("id").stream().map(JsonNode::asLong).toList()).contains(swap);
        assertThat(Http.json(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + swap + "/decision", admin,
                "{\"approve\":true}")).get("status").asString()).isEqualTo("APPROVED");

        JsonNode roster = Http.json(api().get("/api/v1/centers/xiaojie/rosters/" + month, admin));
        assertThat(RosterChangesTests.duties(roster).stream().filter(d -> d.id() == mine.id()).findFirst()
                .orElseThrow().accountId()).isEqualTo(colleague);
        assertThat(Http.json(api().get("/api/v1/centers/xiaojie/rosters/" + month + "/history", admin))
                .get("changes").get(0).get("via").asString()).isEqualTo("SWAP");
        // the colleague was told of this request once (the listener runs after the commit)
        long told = 0;
        for (int i = 0; i < 100 && told == 0; i++) {
            told = jdbc.sql("select count(*) from notification where account_id = ? and source_id = ?")
                    .params(colleague, "swap:" + swap).query(Long.class).single();
            sleep();
        }
        assertThat(told).isEqualTo(1);
    }

    @Test
    void aColleagueWhoIsUnavailableThatDayCannotBeAsked() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString();
        List<Duty> duties = published(month);
        Duty mine = duties.stream().filter(d -> d.kind().equals("EVENING")).findFirst().orElseThrow();
        long colleague = freeOn(duties, mine.date(), Set.of());
        assertThat(api().send("PUT", "/api/v1/centers/xiaojie/unavailability/" + mine.date(), tokenOf(colleague),
                "{\"reason\":\"体检\"}").statusCode()).isEqualTo(204);
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", tokenOf(mine.accountId()),
                "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + colleague + "}"), 409, "RULE_UNAVAILABLE");

        // someone rostered who states a day off after publishing: the roster and its coverage show it
        String admin = api().token("xiaojie-center-admin");
        JsonNode before = Http.json(api().get("/api/v1/centers/xiaojie/rosters/" + month + "/report", admin));
        assertThat(before.get("covered").asInt()).isEqualTo(before.get("shifts").asInt());
        assertThat(api().send("PUT", "/api/v1/centers/xiaojie/unavailability/" + mine.date(),
                tokenOf(mine.accountId()), "{\"reason\":\"家中有事\"}").statusCode()).isEqualTo(204);
        JsonNode roster = Http.json(api().get("/api/v1/centers/xiaojie/rosters/" + month, admin));
        assertThat(roster.get("broken").findValuesAsString("rule")).contains("Rostered while unavailable");
        JsonNode after = Http.json(api().get("/api/v1/centers/xiaojie/rosters/" + month + "/report", admin));
        assertThat(after.get("covered").asInt()).isEqualTo(after.get("shifts").asInt() - 1);
    }

    /**
     * One colleague accepts two swaps on the same day (a lunchtime and an evening, each fine alone); the
     * admin approves both at once. Exactly one takes effect, the other is refused naming the rule, and
     * the colleague holds one duty that day — on several days, each raced.
     */
    @Test
    void twoApprovalsThatTogetherBreakARuleCannotBothTakeEffect() throws Exception {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(8).toString();
        List<Duty> duties = published(month);
        String admin = api().token("xiaojie-center-admin");
        List<LocalDate> days = duties.stream().filter(d -> d.kind().equals("EVENING")).map(Duty::date).distinct()
                .filter(day -> duties.stream().anyMatch(d -> d.date().equals(day) && d.kind().equals("LUNCHTIME")))
                .limit(4).toList();
        assertThat(days).hasSize(4);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (LocalDate day : days) {
                Duty lunch = duties.stream().filter(d -> d.date().equals(day) && d.kind().equals("LUNCHTIME"))
                        .findFirst().orElseThrow();
                Duty evening = duties.stream().filter(d -> d.date().equals(day) && d.kind().equals("EVENING"))
                        .findFirst().orElseThrow();
                long colleague = freeOn(duties, day, Set.of());
                String theirs = tokenOf(colleague);
                List<Long> swaps = new ArrayList<>();
                for (Duty d : List.of(lunch, evening)) {
                    HttpResponse<String> asked = api().send("POST", "/api/v1/centers/xiaojie/duty-swaps",
                            tokenOf(d.accountId()), "{\"dutyId\":" + d.id() + ",\"colleagueId\":" + colleague + "}");
                    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
                    long id = Http.json(asked).get("id").asLong();
                    assertThat(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + id + "/accept", theirs,
                            null).statusCode()).isEqualTo(200);
                    swaps.add(id);
                }
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (long id : swaps) {
                    Callable<HttpResponse<String>> approve = () -> {
                        start.await();
                        return api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + id + "/decision", admin,
                                "{\"approve\":true}");
                    };
                    answers.add(pool.submit(approve));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get();
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 409) {
                        assertThat(Http.json(r).get("code").asString()).isEqualTo("RULE_TWO_A_DAY");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(jdbc.sql("""
                        select count(*) from duty_assignment a join duty_roster r on r.id = a.roster_id
                         where r.center_code = 'xiaojie' and a.duty_date = ? and a.account_id = ?""")
                        .params(day, colleague).query(Integer.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from duty_swap where id in (?, ?) and status = 'APPROVED'")
                        .params(swaps.get(0), swaps.get(1)).query(Integer.class).single()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withAutomaticApprovalTheColleaguesYesIsEnough() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(9).toString();
        String admin = api().token("xiaojie-center-admin");
        List<Duty> duties = published(month);
        Duty mine = RosterChangesTests.lunchtime(duties);
        long colleague = freeOn(duties, mine.date(), Set.of());
        try {
            assertThat(Http.json(api().send("PUT", "/api/v1/centers/xiaojie/roster-settings", admin,
                    "{\"swapAutoApprove\":true}")).get("swapAutoApprove").asBoolean()).isTrue();
            long swap = Http.json(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps", tokenOf(mine.accountId()),
                    "{\"dutyId\":" + mine.id() + ",\"colleagueId\":" + colleague + "}")).get("id").asLong();
            assertThat(Http.json(api().send("POST", "/api/v1/centers/xiaojie/duty-swaps/" + swap + "/accept",
                    tokenOf(colleague), null)).get("status").asString()).isEqualTo("APPROVED");
            assertThat(jdbc.sql("select account_id from duty_assignment where id = ?").param(mine.id())
                    .query(Long.class).single()).isEqualTo(colleague);
        } finally {
            api().send("PUT", "/api/v1/centers/xiaojie/roster-settings", admin, "{\"swapAutoApprove\":false}");
        }
    }
}
