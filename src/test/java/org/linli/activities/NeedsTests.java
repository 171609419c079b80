package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 需求调研 and suggestions: one answer per resident, answers counted per option, a suggestion adopted. */
@LinliWebTest
class NeedsTests {

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

    long survey(String staff) {
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/jinmasi/surveys", staff, """
                {"title":"周末活动需求","intro":"请选择","questions":[
                  {"kind":"SINGLE","text":"周末有空吗？","options":["有","没有"]},
                  {"kind":"MULTIPLE","text":"想参加哪些？","options":["读书会","运动","手工"]},
                  {"kind":"TEXT","text":"其他建议","options":[]}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    @Test
    void eachResidentAnswersOnceEvenWhenTheirAnswersArriveTogetherAndStaffSeeThemCounted() throws Exception {
        String staff = api().token("jinmasi-staff01");
        long id = survey(staff);
        String path = "/api/v1/centers/jinmasi/surveys/" + id + "/responses";
        String a = resident("13900081001");
        String b = resident("13900081002");
        assertThat(api().send("POST", path, a, "{\"answers\":{\"1\":[\"0\"],\"2\":[\"0\",\"2\"],\"3\":[\"早上好\"]}}")
                .statusCode()).isEqualTo(201);
        assertCode(api().send("POST", path, a, "{\"answers\":{\"1\":[\"1\"],\"2\":[\"1\"]}}"), 409,
                "SURVEY_ALREADY_ANSWERED");

        // eight copies of one resident's answer at once: exactly one is kept, the rest get 409
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> send = () -> api().send("POST", path, b,
                    "{\"answers\":{\"1\":[\"1\"],\"2\":[\"2\"]}}").statusCode();
            sent.add(pool.submit(send));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : sent) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);

        // bad answers change nothing and name the question
        String c = resident("13900081003");
        HttpResponse<String> bad = api().send("POST", path, c, "{\"answers\":{\"1\":[\"0\",\"1\"],\"2\":[\"7\"]}}");
        assertCode(bad, 400, "SURVEY_ANSWER_INVALID");
        assertThat(Http.json(bad).get("errors")).hasSize(2);
        assertThat(Http.json(bad).get("errors").get(0).get("field").asString()).isEqualTo("answers.1");

        JsonNode results = Http.json(api().get("/api/v1/centers/jinmasi/surveys/" + id + "/results", staff));
        assertThat(results.get("responses").asInt()).isEqualTo(2);
        JsonNode q1 = results.get("questions").get(0);
        assertThat(q1.get("counts").get(0).asInt()).isEqualTo(1);
        assertThat(q1.get("counts").get(1).asInt()).isEqualTo(1);
        JsonNode q2 = results.get("questions").get(1);
        assertThat(q2.get("counts").get(0).asInt()).isEqualTo(1);
        assertThat(q2.get("counts").get(1).asInt()).isEqualTo(0);
        assertThat(q2.get("counts").get(2).asInt()).isEqualTo(2);
        assertThat(results.get("questions").get(2).get("texts").get(0).asString()).isEqualTo("早上好");

        // another center's staff cannot read it; a closed survey takes no answers
        assertCode(api().get("/api/v1/centers/jinmasi/surveys/" + id + "/results", api().token("xiaojie-staff01")),
                404, "CENTER_NOT_FOUND");
        assertThat(api().send("POST", "/api/v1/centers/jinmasi/surveys/" + id + "/close", staff, null).statusCode())
                .isEqualTo(204);
        assertCode(api().send("POST", path, c, "{\"answers\":{\"1\":[\"0\"],\"2\":[\"0\"]}}"), 409, "SURVEY_CLOSED");
    }

    @Test
    void badSurveysAreRefusedNamingTheProblemAndLeaveNothingBehind() {
        String staff = api().token("jinmasi-staff01");
        long before = jdbc.sql("select count(*) from survey").query(Long.class).single();
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/surveys", staff,
                "{\"title\":\"\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"?\"}]}"), 400, "SURVEY_TITLE_REQUIRED");
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/surveys", staff,
                "{\"title\":\"x\",\"questions\":[]}"), 400, "SURVEY_QUESTION_COUNT");
        HttpResponse<String> oneOption = api().send("POST", "/api/v1/centers/jinmasi/surveys", staff,
                "{\"title\":\"x\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"a\"},"
                        + "{\"kind\":\"SINGLE\",\"text\":\"b\",\"options\":[\"只有一个\"]}]}");
        assertCode(oneOption, 400, "SURVEY_OPTION_COUNT");
        assertThat(Http.json(oneOption).get("errors").get(0).get("field").asString())
                .isEqualTo("questions[2].options");
        assertThat(jdbc.sql("select count(*) from survey").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSuggestionBecomesAnActivityOrIsDeclined() {
        String resident = resident("13900081010");
        HttpResponse<String> made = api().send("POST", "/api/v1/centers/jinmasi/suggestions", resident,
                "{\"title\":\"周末亲子烘焙\",\"detail\":\"周六上午\",\"category\":\"FAMILY\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long suggestion = Http.json(made).get("id").asLong();
        long other = Http.json(api().send("POST", "/api/v1/centers/jinmasi/suggestions", resident,
                "{\"title\":\"象棋比赛\"}")).get("id").asLong();
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/suggestions", resident, "{\"title\":\" \"}"), 400,
                "SUGGESTION_TITLE_REQUIRED");

        String staff = api().token("jinmasi-staff01");
        HttpResponse<String> listed = api().get("/api/v1/centers/jinmasi/suggestions", staff);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode list = Http.json(listed);
        assertThat(list.get("byCategory").get("FAMILY").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> published = api().send("POST", "/api/v1/centers/jinmasi/activities", staff, """
                {"title":"周末亲子烘焙","category":"FAMILY","startsAt":"2030-03-02T10:00","endsAt":"2030-03-02T12:00",
                 "capacity":10,"suggestionId":%d}""".formatted(suggestion));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long activity = Http.json(published).get("id").asLong();
        assertThat(jdbc.sql("select status || ':' || activity_id from activity_suggestion where id = ?")
                .param(suggestion).query(String.class).single()).isEqualTo("ADOPTED:" + activity);

        // adopting it twice is refused and publishes nothing
        long activities = jdbc.sql("select count(*) from activity").query(Long.class).single();
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/activities", staff, """
                {"title":"又一次","category":"FAMILY","startsAt":"2030-03-09T10:00","endsAt":"2030-03-09T12:00",
                 "capacity":10,"suggestionId":%d}""".formatted(suggestion)), 409, "SUGGESTION_DECIDED");
        assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(activities);

        assertThat(api().send("POST", "/api/v1/centers/jinmasi/suggestions/" + other + "/decline", staff, null)
                .statusCode()).isEqualTo(204);
        assertCode(api().send("POST", "/api/v1/centers/jinmasi/suggestions/" + other + "/decline", staff, null), 409,
                "SUGGESTION_DECIDED");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/suggestions/" + other + "/decline",
                api().token("xiaojie-staff01"), null), 404, "SUGGESTION_NOT_FOUND");
    }
}
