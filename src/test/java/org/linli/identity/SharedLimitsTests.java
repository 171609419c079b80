package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.testsupport.Http;
import org.linli.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances on one database share the code limits: the counters live in PostgreSQL, not in a JVM. */
class SharedLimitsTests {

    @Test
    void twoInstancesShareThePerPhoneAndPerClientLimits() {
        String url = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            Http first = new Http(port(a));
            Http second = new Http(port(b));
            assertThat(otp(first, "13900003001").statusCode()).isEqualTo(202);
            HttpResponse<String> samePhone = otp(second, "13900003001");
            assertThat(samePhone.statusCode()).as("one code per phone per minute, across instances").isEqualTo(429);
            assertThat(Http.json(samePhone).get("code").asString()).isEqualTo("OTP_RATE_LIMITED");

            assertThat(otp(second, "13900003002").statusCode()).isEqualTo(202);
            assertThat(otp(first, "13900003003").statusCode()).isEqualTo(202);
            HttpResponse<String> fourth = otp(second, "13900003004");
            assertThat(fourth.statusCode()).as("3 codes per client address per hour, across instances")
                    .isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static HttpResponse<String> otp(Http http, String phone) {
        return http.postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LinliApplication.class).run("--server.port=0", "--logging.file.name=",
                "--linli.demo=true", "--linli.data-dir=target/test-data", "--linli.db.url=" + url,
                "--linli.db.user=postgres", "--linli.auth.otp-per-client-per-hour=3");
    }
}
