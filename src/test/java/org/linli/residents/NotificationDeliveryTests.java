package org.linli.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.platform.PhoneNumber;
import org.linli.platform.SmsGateway;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery survives a failure between the business commit and the send: the SMS gateway fails, the
 * application stops, a new one starts on the same database — the resident gets the message once.
 */
class NotificationDeliveryTests {

    static final AtomicInteger FAILED_SENDS = new AtomicInteger();

    /**
     * Stands in for a provider that is down: sign-in codes still go out, everything else fails. Not a
     * {@code @Configuration}, so component scanning never picks it up; it is passed as a source.
     */
    static class BrokenGateway {
        @Bean
        @Primary
        SmsGateway brokenSmsGateway(JdbcClient jdbc) {
            return (PhoneNumber to, String text) -> {
                if (text.contains("验证码")) {
                    jdbc.sql("insert into sms_message (to_phone, text) values (?, ?)").params(to.value(), text).update();
                    return;
                }
                FAILED_SENDS.incrementAndGet();
                throw new IllegalStateException("SMS provider unreachable");
            };
        }
    }

    @Test
    void aFailedSendIsRetriedAfterARestartAndTheResidentSeesTheMessageOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        String resident;
        try (ConfigurableApplicationContext first = start(url, LinliApplication.class, BrokenGateway.class)) {
            Api api = new Api(port(first));
            resident = api.signInByPhone("13900006001").get("accessToken").asString();
            api.send("PUT", "/api/v1/me/notification-preferences", resident,
                    "{\"smsEnabled\":true,\"quietStart\":null,\"quietEnd\":null}");
            api.send("PUT", "/api/v1/me/real-name", resident, RealNameApiTests.details("钱进", "530199198001010014"));
            long person = Http.json(api.get("/api/v1/me/real-name", resident)).get("personId").asLong();
            api.send("POST", "/api/v1/centers/xiaojie/residents/" + person + "/reveal", api.token("xiaojie-staff09"),
                    "{\"reason\":\"核对低保申请\"}");
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            // Other notifications (the demo's published roster) fail too, so wait for this one's own attempt.
            waitUntil(() -> jdbc.sql("select count(*) from notification where kind = 'ID_NUMBER_REVEALED'"
                    + " and sms_attempts > 0").query(Long.class).single() > 0);
            assertThat(FAILED_SENDS.get()).isPositive();
            assertThat(jdbc.sql("select count(*) from notification where kind = 'ID_NUMBER_REVEALED' and sms_sent_at is null")
                    .query(Long.class).single()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start(url, LinliApplication.class)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            jdbc.sql("update notification set sms_due_at = now() where sms_sent_at is null and sms_due_at is not null")
                    .update();
            waitUntil(() -> jdbc.sql("select count(*) from sms_message where text like '%核对低保申请%'")
                    .query(Long.class).single() > 0);
            Thread.sleep(6_000);
            assertThat(jdbc.sql("select count(*) from sms_message where text like '%核对低保申请%'").query(Long.class)
                    .single()).as("sent once").isEqualTo(1);
            Api api = new Api(port(second));
            String inbox = api.get("/api/v1/me/notifications", resident).body();
            assertThat(inbox.split("ID_NUMBER_REVEALED", -1)).as("in the inbox once").hasSize(2);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String url, Class<?>... sources) {
        return new SpringApplicationBuilder(sources).run("--server.port=0", "--logging.file.name=", "--linli.demo=true",
                "--linli.data-dir=target/test-data", "--linli.db.url=" + url, "--linli.db.user=postgres",
                "--linli.notifications.dispatch-interval=1s", "--spring.main.allow-bean-definition-overriding=true");
    }
}
