package org.linli.points.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.linli.volunteering.ConfirmedHours;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Points through the contract: balance, counter code, idempotent redemption, refusals, reversal, statements. */
@LinliWebTest
class PointsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Earning earning;

    @Autowired
    ConfirmedHours confirmed;

    @Autowired
    Expiry expiry;

    Api api() {
        return new Api(port);
    }

    HttpResponse<String> redeem(String operator, String key, String token, String offer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/merchants/fhs-market/redemptions")).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"volunteerToken\":\"" + token + "\",\"offerCode\":\""
                        + offer + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A different demo volunteer for each test (one sign-in code per phone a minute). */
    String richVolunteerPhone(int which) {
        return jdbc.sql("""
                select a.phone from points_account p join account a on a.id = p.owner_id
                 where p.kind = 'VOLUNTEER' and p.balance >= 200 order by p.id limit 1 offset ?""").param(which)
                .query(String.class).single();
    }

    @Test
    void aRedemptionIsIdempotentAndRefusalsSpendNothing() throws Exception {
        String volunteer = api().signInByPhone(richVolunteerPhone(0)).get("accessToken").asString();
        JsonNode before = Http.json(api().get("/api/v1/me/points", volunteer));
        long balance = before.get("balance").asLong();
        long sum = 0;
        for (JsonNode e : before.get("entries")) {
            sum += e.get("amount").asLong();
        }
        assertThat(sum).as("the balance is the sum of its entries").isEqualTo(balance);

        JsonNode offers = Http.json(api().http().get("/api/v1/merchants/fhs-market/offers"));
        assertThat(offers.get("offers").valueStream().map(o -> o.get("code").asString())).contains("five-off", "rice");

        String operator = api().token("fhs-market-operator");
        String token = Http.json(api().send("POST", "/api/v1/me/points/token", volunteer, null)).get("token").asString();
        assertCode(redeem(operator, null, token, "five-off"), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertCode(redeem(operator, "k".repeat(70), token, "five-off"), 400, "IDEMPOTENCY_KEY_REQUIRED");
        HttpResponse<String> first = redeem(operator, "till-1-0001", token, "five-off");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode answer = Http.json(first);
        assertThat(answer.get("points").asInt()).isEqualTo(10);
        assertThat(answer.get("balanceAfter").asLong()).isEqualTo(balance - 10);
        HttpResponse<String> again = redeem(operator, "till-1-0001", token, "five-off");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Http.json(again)).isEqualTo(answer);
        assertCode(redeem(operator, "till-1-0001", token, "rice"), 409, "IDEMPOTENCY_KEY_REUSED");
        assertCode(redeem(operator, "till-1-0002", token, "five-off"), 409, "POINTS_TOKEN_INVALID");
        assertThat(Http.json(api().get("/api/v1/me/points", volunteer)).get("balance").asLong()).isEqualTo(balance - 10);

        // an expired token spends nothing; an offer of another merchant is not found
        String late = Http.json(api().send("POST", "/api/v1/me/points/token", volunteer, null)).get("token").asString();
        jdbc.sql("update points_token set expires_at = now() - interval '1 second' where token = ?").param(late).update();
        assertCode(redeem(operator, "till-1-0003", late, "five-off"), 409, "POINTS_TOKEN_INVALID");
        String fresh = Http.json(api().send("POST", "/api/v1/me/points/token", volunteer, null)).get("token").asString();
        assertCode(redeem(operator, "till-1-0004", fresh, "eggs"), 404, "OFFER_NOT_FOUND");
        // the monthly limit of a bag of rice is one
        HttpResponse<String> rice = redeem(operator, "till-1-0005", fresh, "rice");
        assertThat(rice.statusCode()).as(rice.body()).isEqualTo(201);
        String next = Http.json(api().send("POST", "/api/v1/me/points/token", volunteer, null)).get("token").asString();
        assertCode(redeem(operator, "till-1-0006", next, "rice"), 409, "OFFER_MONTHLY_LIMIT");

        // too few points: 409 with the balance
        String poor = api().signInByPhone("13900100001").get("accessToken").asString();
        String poorToken = Http.json(api().send("POST", "/api/v1/me/points/token", poor, null)).get("token").asString();
        HttpResponse<String> refused = redeem(operator, "till-1-0007", poorToken, "five-off");
        assertCode(refused, 409, "POINTS_INSUFFICIENT");
        assertThat(Http.json(refused).get("detail").asString()).contains("0");

        // the merchant reverses the rice the same day: a new entry, the points come back
        long riceId = Http.json(rice).get("redemptionId").asLong();
        long beforeReversal = Http.json(api().get("/api/v1/me/points", volunteer)).get("balance").asLong();
        assertThat(api().send("POST", "/api/v1/merchants/fhs-market/redemptions/" + riceId + "/reverse", operator, null)
                .statusCode()).isEqualTo(204);
        assertThat(Http.json(api().get("/api/v1/me/points", volunteer)).get("balance").asLong())
                .isEqualTo(beforeReversal + 50);
        assertCode(api().send("POST", "/api/v1/merchants/fhs-market/redemptions/" + riceId + "/reverse", operator,
                null), 409, "REDEMPTION_REVERSED");
        // another merchant's operator cannot touch it
        String otherOperator = api().token("fhs-fresh-operator");
        assertCode(api().send("POST", "/api/v1/merchants/fhs-market/redemptions/" + riceId + "/reverse",
                otherOperator, null), 404, "MERCHANT_NOT_FOUND");

        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        JsonNode statement = Http.json(api().get("/api/v1/merchants/fhs-market/statements/" + month, operator));
        assertThat(statement.get("redemptions").asInt()).isEqualTo(2);
        assertThat(statement.get("reversals").asInt()).isEqualTo(1);
        assertThat(statement.get("netPoints").asLong()).isEqualTo(10);
        HttpResponse<String> xlsx = api().get("/api/v1/merchants/fhs-market/statements/" + month + ".xlsx", operator);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        JsonNode summary = Http.json(api().get("/api/v1/centers/fenghuangshan/points/summary",
                api().token("fenghuangshan-center-admin")));
        assertThat(summary.get("statements")).hasSize(10);
        assertInvariants();
    }

    @Test
    void aCourseIsRegisteredAndPaidInOneStepAndRefundedInTime() {
        String staff = api().token("fenghuangshan-staff02");
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(10).withNano(0);
        String start = starts.toString();
        long activity = Http.json(api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff,
                "{\"title\":\"葫芦丝入门课\",\"category\":\"TRAINING\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\"" + starts.plusHours(1) + "\",\"capacity\":1}"))
                .get("id").asLong();
        assertThat(api().send("PUT", "/api/v1/centers/fenghuangshan/courses/" + activity, staff,
                "{\"points\":30,\"refundHoursBefore\":24}").statusCode()).isEqualTo(200);
        String rich = api().signInByPhone(richVolunteerPhone(1)).get("accessToken").asString();
        long before = Http.json(api().get("/api/v1/me/points", rich)).get("balance").asLong();
        HttpResponse<String> enrolled = api().send("POST", "/api/v1/courses/" + activity + "/enrolments", rich, null);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        assertThat(Http.json(enrolled).get("balanceAfter").asLong()).isEqualTo(before - 30);
        JsonNode course = Http.json(api().http().get("/api/v1/activities/" + activity));
        assertThat(course.get("confirmed").asInt()).isEqualTo(1);
        assertThat(course.get("paidWithPoints").asBoolean()).isTrue();

        // the free way in is closed: a paid course is registered for and left only with its points
        String other = api().signInByPhone("13900100003").get("accessToken").asString();
        assertCode(api().send("POST", "/api/v1/activities/" + activity + "/registrations", other, null), 409,
                "COURSE_PAY_WITH_POINTS");
        assertCode(api().send("DELETE", "/api/v1/activities/" + activity + "/registrations/me", rich, null), 409,
                "COURSE_PAY_WITH_POINTS");
        // full: nobody waits, nothing is paid
        assertCode(api().send("POST", "/api/v1/courses/" + activity + "/enrolments", other, null), 409, "COURSE_FULL");
        assertThat(Http.json(api().http().get("/api/v1/activities/" + activity)).get("waitlisted").asInt()).isZero();

        HttpResponse<String> left = api().send("DELETE", "/api/v1/courses/" + activity + "/enrolments/me", rich, null);
        assertThat(Http.json(left).get("refunded").asInt()).isEqualTo(30);
        assertThat(Http.json(api().get("/api/v1/me/points", rich)).get("balance").asLong()).isEqualTo(before);
        assertInvariants();
    }

    @Test
    void negativeOrFractionalPointsAreRefused() {
        String admin = api().token("fenghuangshan-center-admin");
        String path = "/api/v1/centers/fenghuangshan/merchants/fhs-market/offers/odd";
        assertCode(api().send("PUT", path, admin, "{\"title\":\"负数\",\"points\":-5}"), 400, "POINTS_AMOUNT_INVALID");
        assertThat(api().send("PUT", path, admin, "{\"title\":\"小数\",\"points\":2.5}").statusCode()).isEqualTo(400);
        assertCode(api().send("PUT", "/api/v1/centers/fenghuangshan/points/rule", admin, "{\"pointsPerHour\":-1}"), 400,
                "POINTS_RULE_RANGE");
        assertThat(jdbc.sql("select count(*) from merchant_offer where code = 'odd'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aRedeliveredRecordCreditsOnceAndExpiryLapsesTheOldestOnce() {
        ServiceHoursRecorded record = confirmed.confirmedAt("fenghuangshan").getFirst();
        long transactions = jdbc.sql("select count(*) from points_transaction").query(Long.class).single();
        assertThat(earning.credit(record)).as("credited by the demo already").isEmpty();
        assertThat(earning.credit(record)).isEmpty();
        assertThat(jdbc.sql("select count(*) from points_transaction").query(Long.class).single())
                .isEqualTo(transactions);

        // 大树营 keeps points one month: two months on, what a volunteer earned there lapses, once
        String admin = api().token("dashuying-center-admin");
        assertThat(api().send("PUT", "/api/v1/centers/dashuying/points/rule", admin,
                "{\"pointsPerHour\":12,\"expiryMonths\":1}").statusCode()).isEqualTo(200);
        api().signInByPhone("13900100002");
        long account = jdbc.sql("select id from account where phone = '13900100002'").query(Long.class).single();
        java.time.OffsetDateTime monday = java.time.OffsetDateTime.parse("2026-11-23T09:00:00+08:00");
        assertThat(earning.credit(new ServiceHoursRecorded(9_000_000_001L, 1, account, "dashuying", 90,
                monday.toLocalDate(), monday, monday.plusHours(2)))).isPresent();
        long held = jdbc.sql("select balance from points_account where kind = 'VOLUNTEER' and owner_id = ?")
                .param(account).query(Long.class).single();
        assertThat(held).isEqualTo(18);
        LocalDate later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(2);
        assertThat(expiry.run(later)).isEqualTo(18);
        assertThat(expiry.run(later)).as("the same day again expires nothing").isZero();
        assertThat(jdbc.sql("select balance from points_account where kind = 'VOLUNTEER' and owner_id = ?")
                .param(account).query(Long.class).single()).isZero();
        assertInvariants();
    }

    /** The ledger's invariants: every transaction balances, the sum over all accounts is zero, balances are sums. */
    void assertInvariants() {
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from points_entry").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(balance), 0) from points_account").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select transaction_id from points_entry group by transaction_id
                                       having sum(amount) <> 0) t""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from points_account a
                 where a.balance <> coalesce((select sum(amount) from points_entry e where e.account_id = a.id), 0)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from points_account where kind <> 'ISSUANCE' and balance < 0")
                .query(Long.class).single()).isZero();
    }
}
