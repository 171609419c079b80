package org.linli.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Materials are deleted on the retention schedule after the application closes, and the applicant is told. */
@LinliWebTest
class MaterialRetentionTests {

    @LocalServerPort
    int port;

    @Autowired
    Materials materials;

    @Autowired
    MaterialStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void closedApplicationsLoseTheirMaterialsAfterTheRetentionPeriodOnly() throws Exception {
        Api api = new Api(port);
        String me = api.signInByPhone("13900021001").get("accessToken").asString();
        String first17 = "53019919650707300";
        String form = "{\"applicantName\":\"钱某\",\"phone\":\"13900021001\",\"idNumber\":\"" + first17
                + org.linli.platform.IdCardNumber.checkCharacter(first17) + "\"}";
        long id = Http.json(api.send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"SI-08\",\"fields\":" + form + "}")).get("id").asLong();
        byte[] pdf = ("%PDF-1.4\n% retention test " + id + "\n%%EOF").getBytes();
        String hash = store.store(pdf);
        long materialId = jdbc.sql("""
                insert into application_material (application_id, file_hash, name, file_name_sealed)
                values (?, ?, '户口簿', 'x') returning id""").params(id, hash).query(Long.class).single();
        assertThat(Files.exists(store.path(hash))).isTrue();

        // other tests share this database: assert on this application's material only, never on counts
        materials.purge(OffsetDateTime.now().plusDays(1));
        assertThat(deleted(materialId)).as("still open: kept").isFalse();
        api.send("POST", "/api/v1/applications/" + id + "/transitions", me, "{\"action\":\"WITHDRAW\"}");
        materials.purge(OffsetDateTime.now().minusDays(1));
        assertThat(deleted(materialId)).as("closed just now: kept").isFalse();
        assertThat(Files.exists(store.path(hash))).isTrue();
        materials.purge(OffsetDateTime.now().plusSeconds(5));
        assertThat(deleted(materialId)).isTrue();
        assertThat(Files.exists(store.path(hash))).isFalse();
        assertCode(api.get("/api/v1/applications/" + id + "/materials/" + materialId, me), 404, "MATERIAL_NOT_FOUND");
    }

    private boolean deleted(long materialId) {
        return jdbc.sql("select deleted_at is not null from application_material where id = ?").param(materialId)
                .query(Boolean.class).single();
    }

    @Test
    void theApplicantIsToldOfEveryStep() throws Exception {
        Api api = new Api(port);
        String me = api.signInByPhone("13900021002").get("accessToken").asString();
        String first17 = "53019919650707400";
        String form = "{\"applicantName\":\"孙某\",\"phone\":\"13900021002\",\"idNumber\":\"" + first17
                + org.linli.platform.IdCardNumber.checkCharacter(first17) + "\"}";
        long id = Http.json(api.send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"SI-08\",\"fields\":" + form + "}")).get("id").asLong();
        api.send("POST", "/api/v1/applications/" + id + "/transitions", api.token("xiaojie-staff12"),
                "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"请补交近期白底证件照\"}");
        String kinds = "";
        for (int i = 0; i < 300; i++) {
            kinds = jdbc.sql("""
                    select string_agg(kind || ':' || body, '|') from notification
                     where account_id = (select applicant_id from application where id = ?)""").param(id)
                    .query(String.class).single();
            if (kinds != null && kinds.contains("APPLICATION_REQUEST_SUPPLEMENT")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(kinds).contains("APPLICATION_SUBMIT").contains("APPLICATION_REQUEST_SUPPLEMENT")
                .contains("请补交近期白底证件照");
    }
}
