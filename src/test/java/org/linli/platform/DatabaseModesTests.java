package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.LinliApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Linli on its own embedded PostgreSQL (data kept across restarts) and on an external server (a second
 * PostgreSQL started here stands in for it), with the same migrations on both.
 */
class DatabaseModesTests {

    @TempDir
    Path dataDir;

    @Test
    void startsItsOwnEmbeddedDatabaseKeepsTheDataAcrossARestartAndClosesItAfterThePool() throws Exception {
        String jdbcUrl;
        List<String> migrations;
        long dataSets;
        try (ConfigurableApplicationContext first = start("linli.demo=true")) {
            dataSets = jdbc(first).sql("select count(*) from demo_dataset").query(Long.class).single();
            assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
            assertThat(centers(first)).isEqualTo(16);
            migrations = migrations(first);
            jdbcUrl = first.getBean(HikariDataSource.class).getJdbcUrl();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", "").close())
                .as("the embedded server is stopped with the application").isInstanceOf(SQLException.class);

        try (ConfigurableApplicationContext second = start("linli.demo=true")) {
            assertThat(centers(second)).as("still there, and not loaded twice").isEqualTo(16);
            assertThat(jdbc(second).sql("select count(*) from demo_dataset").query(Long.class).single())
                    .isEqualTo(dataSets);
            assertThat(migrations(second)).isEqualTo(migrations);
        }
    }

    @Test
    void usesAnExternalServerWhenConfiguredWithTheSameMigrationsAndNoDemoUnlessAskedFor() throws Exception {
        List<String> embeddedMigrations;
        try (ConfigurableApplicationContext embedded = start("linli.demo=false")) {
            embeddedMigrations = migrations(embedded);
            assertThat(centers(embedded)).as("no demo data without demo mode").isZero();
        }
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Path otherDataDir = dataDir.resolve("external-run");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class)
                    .run("--server.port=0", "--logging.file.name=", "--linli.demo=false",
                            "--linli.data-dir=" + otherDataDir,
                            "--linli.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "--linli.db.user=postgres")) {
                assertThat(Files.exists(otherDataDir.resolve("postgres"))).as("no embedded server started").isFalse();
                assertThat(migrations(app)).isEqualTo(embeddedMigrations);
                assertThat(centers(app)).isZero();
                org.linli.testsupport.Http http = new org.linli.testsupport.Http(
                        ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer()
                                .getPort());
                for (String demoOnly : List.of("/api/v1/dev/outbox", "/api/v1/dev/demo-accounts", "/dev/outbox")) {
                    assertThat(http.get(demoOnly).statusCode()).as(demoOnly + " exists only in demo mode")
                            .isEqualTo(404);
                }
                assertThat(http.get("/").body()).doesNotContain("演示环境");
            }
        }
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--logging.file.name=",
                "--linli.data-dir=" + dataDir));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(LinliApplication.class).run(args.toArray(String[]::new));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static long centers(ConfigurableApplicationContext context) {
        return jdbc(context).sql("select count(*) from center").query(Long.class).single();
    }

    private static List<String> migrations(ConfigurableApplicationContext context) {
        return jdbc(context).sql("select version || ':' || checksum from flyway_schema_history order by installed_rank")
                .query(String.class).list();
    }
}
