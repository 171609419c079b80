package org.linli.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server stands in for the WeCom group robot webhook and speaks its protocol: it answers
 * {"errcode":45009,"errmsg":"api freq out of limit"} to the first message and {"errcode":0,"errmsg":"ok"}
 * afterwards. Each recruitment must produce exactly one accepted message there, in the robot's markdown
 * format, with the link to sign up.
 */
@LinliWebTest
@TestPropertySource(properties = {"linli.volunteering.webhook-prefix=http://127.0.0.1:",
        "linli.notifications.first-retry=1s"})
class GroupRobotTests {

    static HttpServer robot;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final List<String> accepted = new CopyOnWriteArrayList<>();
    static final AtomicInteger calls = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startRobot() throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/cgi-bin/webhook/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            boolean refuse = calls.incrementAndGet() == 1;
            if (!refuse) {
                accepted.add(body);
            }
            byte[] answer = (refuse ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        robot.start();
    }

    @AfterAll
    static void stopRobot() {
        robot.stop(0);
    }

    @Test
    void eachRecruitmentPostsExactlyOneAcceptedMessageEvenWhenTheFirstAttemptIsRefused() throws Exception {
        Api api = new Api(port);
        String admin = api.token("dongzhan-center-admin");
        String hook = "http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=test-key";
        assertCode(api.send("PUT", "/api/v1/centers/dongzhan/teams/blue-sky", admin,
                "{\"name\":\"蓝天队\",\"webhookUrl\":\"https://evil.example/steal\"}"), 400, "WEBHOOK_URL_INVALID");
        HttpResponse<String> team = api.send("PUT", "/api/v1/centers/dongzhan/teams/blue-sky", admin,
                "{\"name\":\"蓝天队\",\"webhookUrl\":\"" + hook + "\"}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(200);

        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0);
        HttpResponse<String> created = api.send("POST", "/api/v1/centers/dongzhan/recruitments",
                api.token("dongzhan-staff01"), "{\"title\":\"河道清洁\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                        + start.plusHours(2) + "\",\"needed\":10,\"teamCode\":\"blue-sky\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Http.json(created).get("id").asLong();

        // wait (not a timing claim) until the outbox has delivered, at most a minute
        for (int i = 0; i < 600 && jdbc.sql("select count(*) from group_robot_message where sent_at is not null "
                + "and webhook_url = ?").param(hook).query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }
        // a few more dispatch rounds: nothing is sent again
        Thread.sleep(3_000);
        assertThat(received).as("refused once, then accepted").hasSize(2);
        assertThat(accepted).hasSize(1);
        JsonNode message = JsonMapper.builder().build().readTree(accepted.getFirst());
        assertThat(message.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(message.get("markdown").get("content").asString()).contains("河道清洁")
                .contains("/recruitments/" + id);
        assertThat(jdbc.sql("select attempts from group_robot_message where webhook_url = ?").param(hook)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
