package org.linli.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.Multipart;
import org.linli.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The materials directory fills up: the test mounts a 32 KB tmpfs as the storage directory (never the
 * machine's own disk) and removes it afterwards. Where mounting is not permitted, the directory's path
 * is taken by a file instead, which refuses every write just the same. An upload that cannot be stored
 * gets a clear 503 and leaves nothing behind: no material, no stored-file row, no half-written file.
 */
class MaterialStorageFaultTests {

    static boolean mount(File dir) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", dir.getAbsolutePath())
                .redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static void unmount(File dir) throws Exception {
        new ProcessBuilder("umount", dir.getAbsolutePath()).redirectErrorStream(true).start().waitFor(10,
                TimeUnit.SECONDS);
    }

    @Test
    void anUploadTheDiskCannotHoldIsRefusedCleanlyAndRecordsNothing() throws Exception {
        File base = Files.createTempDirectory("linli-tiny").toFile();
        File storage = new File(base, "files");
        Files.createDirectories(storage.toPath());
        boolean mounted = mount(storage);
        if (!mounted) {
            Files.delete(storage.toPath());
            Files.writeString(storage.toPath(), "a file where the materials directory should be");
        }
        String url = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).run(
                "--server.port=0", "--logging.file.name=", "--linli.demo=true", "--linli.data-dir=target/test-data-tiny",
                "--linli.db.url=" + url, "--linli.db.user=postgres",
                "--linli.applications.storage-dir=" + storage.getAbsolutePath())) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String phone = "13988000041";
            String resident = api.signInByPhone(phone).get("accessToken").asString();
            String form = """
                    {"applicantName":"钱居民","phone":"%s","idNumber":"%s","forFamily":"false"}""".formatted(phone,
                    "53011119500101005" + IdCardNumber.checkCharacter("53011119500101005"));
            HttpResponse<String> submitted = api.send("POST", "/api/v1/applications", resident,
                    "{\"centerCode\":\"xiaojie\",\"itemCode\":\"SI-08\",\"fields\":" + form + "}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            long id = Http.json(submitted).get("id").asLong();

            int files = jdbc.sql("select count(*) from stored_file").query(Integer.class).single();
            byte[] photo = new byte[200 * 1024]; // larger than the 32 KB the directory holds
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
            System.arraycopy(jpeg, 0, photo, 0, jpeg.length);
            HttpResponse<String> refused = Multipart.post(api, "/api/v1/applications/" + id + "/materials", resident,
                    Map.of("name", "户口本"), "户口本.jpg", "image/jpeg", photo);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(Http.json(refused).get("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");
            assertThat(refused.body()).doesNotContain("Exception");
            assertThat(jdbc.sql("select count(*) from application_material where application_id = ?").param(id)
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from stored_file").query(Integer.class).single()).isEqualTo(files);
            if (mounted) {
                try (Stream<Path> left = Files.walk(storage.toPath())) {
                    assertThat(left.filter(Files::isRegularFile).toList()).as("no half-written file").isEmpty();
                }
            }
        } finally {
            if (mounted) {
                unmount(storage);
            }
        }
    }
}
