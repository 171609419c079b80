package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL restarts under a running Linli: while it is down every request is answered at once with a
 * clean 503 (problem details for the API, the error page for people), nothing half-done; once it is
 * back Linli serves again by itself, without a restart. Uses a PostgreSQL of its own, stopped and
 * started by this test on the same data directory and port.
 */
class DatabaseOutageTests {

    static EmbeddedPostgres postgres(File dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("timezone", "Asia/Shanghai").setRegisterShutdownHook(false).start();
    }

    @Test
    void whilePostgresIsDownRequestsGetA503AndWhenItIsBackTheyWorkAgain() throws Exception {
        File dir = Files.createTempDirectory("linli-outage-pg").toFile();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = postgres(dir, port);
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).run(
                "--server.port=0", "--logging.file.name=", "--linli.demo=true", "--linli.data-dir=target/test-data-outage",
                "--linli.db.url=" + url, "--linli.db.user=postgres", "--linli.db.connection-timeout=1s")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            String resident = api.signInByPhone("13988000031").get("accessToken").asString();
            assertThat(api.http().get("/api/v1/centers/xiaojie/opening").statusCode()).isEqualTo(200);
            org.springframework.jdbc.core.simple.JdbcClient jdbc = app.getBean(
                    org.springframework.jdbc.core.simple.JdbcClient.class);
            long registrations = jdbc.sql("select count(*) from activity_registration").query(Long.class).single();

            pg.close();
            HttpResponse<String> api503 = api.http().get("/api/v1/centers/xiaojie/opening");
            assertThat(api503.statusCode()).as(api503.body()).isEqualTo(503);
            assertThat(Http.json(api503).get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(api503.headers().firstValue("Retry-After")).hasValue("5");
            HttpResponse<String> write = api.send("POST", "/api/v1/activities/1/registrations", resident, "{}");
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
            HttpResponse<String> page = api.http().get("/centers/xiaojie");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("数据库").doesNotContain("Exception").doesNotContain("at org.");

            pg = postgres(dir, port);
            int status = 0;
            for (int i = 0; i < 150 && status != 200; i++) {
                status = api.http().get("/api/v1/centers/xiaojie/opening").statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as("serving again without a restart").isEqualTo(200);
            assertThat(jdbc.sql("select count(*) from activity_registration").query(Long.class).single())
                    .as("the refused registration left nothing behind").isEqualTo(registrations);
        } finally {
            pg.close();
        }
    }
}
