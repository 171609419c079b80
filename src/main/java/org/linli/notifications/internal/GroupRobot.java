package org.linli.notifications.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeCom group robot (企业微信群机器人): a markdown message POSTed as the robot webhook's documented
 * JSON, {@code {"msgtype":"markdown","markdown":{"content":"…"}}}. Messages go through an outbox:
 * queued in the caller's transaction, claimed with a lease, posted outside any transaction, and marked
 * sent only when the robot answers {@code errcode} 0; a refusal or an error is retried with a doubling
 * wait. Webhook URLs starting with {@code demo://} are the demo's: kept, never posted.
 */
@Component
class GroupRobot {

    private static final Logger log = LoggerFactory.getLogger(GroupRobot.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final NotificationProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GroupRobot(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
    }

    /** Queues one markdown message for a webhook; the same source and webhook again is ignored. */
    void queue(String sourceId, String webhookUrl, String markdown) {
        String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown)));
        jdbc.sql("""
                insert into group_robot_message (id, source_id, webhook_url, body, due_at)
                values (?, ?, ?, cast(? as jsonb), now()) on conflict (source_id, webhook_url) do nothing""")
                .params(UUID.randomUUID(), sourceId, webhookUrl, body).update();
    }

    @Scheduled(fixedDelayString = "${linli.notifications.dispatch-interval:5s}", initialDelayString = "2s")
    void dispatchDue() {
        for (int i = 0; i < 50 && postOne(); i++) {
            // one message per round trip, until none is due
        }
    }

    private record Due(UUID id, String url, String body, int attempts) {
    }

    boolean postOne() {
        Due due = transactions.execute(status -> {
            Due d = jdbc.sql("""
                    select id, webhook_url, body::text, attempts from group_robot_message
                     where sent_at is null and due_at <= now() order by due_at limit 1 for update skip locked""")
                    .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4))).optional().orElse(null);
            if (d != null) {
                jdbc.sql("update group_robot_message set due_at = now() + make_interval(secs => ?) where id = ?")
                        .params(LEASE.toSeconds(), d.id()).update();
            }
            return d;
        });
        if (due == null) {
            return false;
        }
        String error = due.url().startsWith("demo://") ? null : post(due);
        if (error == null) {
            jdbc.sql("update group_robot_message set sent_at = now(), due_at = null, last_error = null where id = ?")
                    .param(due.id()).update();
            return true;
        }
        int attempts = due.attempts() + 1;
        long wait = Math.min(properties.firstRetry().toSeconds() << Math.min(attempts - 1, 20),
                properties.maxRetryWait().toSeconds());
        log.warn("Group robot message {} not accepted (attempt {}), retrying in {} s: {}", due.id(), attempts, wait,
                error);
        jdbc.sql("""
                update group_robot_message set attempts = ?, last_error = ?,
                       due_at = case when ? then null else now() + make_interval(secs => ?) end where id = ?""")
                .params(attempts, error.length() > 300 ? error.substring(0, 300) : error,
                        attempts >= properties.maxAttempts(), wait, due.id())
                .update();
        return true;
    }

    /** Null when the robot accepted the message (HTTP 200 and errcode 0); otherwise why not. */
    private String post(Due due) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(due.body())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode answer = json.readTree(response.body());
            int code = answer.path("errcode").asInt(-1);
            return code == 0 ? null : "errcode " + code + " " + answer.path("errmsg").asString("");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception failure) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
    }

    record Sent(String webhook, String body, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** The demo's group messages, newest first (demo:// webhooks only). */
    java.util.List<Sent> demoMessages() {
        return jdbc.sql("""
                select webhook_url as webhook, body::text as body, created_at, sent_at from group_robot_message
                 where webhook_url like 'demo://%' order by created_at desc limit 50""")
                .query(Sent.class).list();
    }
}
