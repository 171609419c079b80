package org.linli.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.linli.testsupport.RegisterFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The volunteer and merchant registers import like the home-service one: every bad row named, all or
 * nothing, and each kind only by those who may keep it.
 */
@LinliWebTest
class RegisterImportTests {

    static final String CENTER = "dongzhan";
    static final List<String> VOLUNTEER_HEADERS = List.of("手机号", "姓名", "身份证号", "技能", "语言", "服务时段",
            "服务区域", "紧急联系人", "紧急联系人电话", "是否同意");
    static final List<String> MERCHANT_HEADERS = List.of("商户编号", "商户名称", "类别", "地址", "店员手机号");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    /** A valid ID number born on that day (530111: a Kunming district), with its check character. */
    static String idNumber(String yyyymmdd, int sequence) {
        String first17 = "530111" + yyyymmdd + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static List<String> volunteer(String phone, String name, String id, String availability, String consent) {
        return List.of(phone, name, id, "理发、陪诊", "普通话", availability, "东站社区", "", "", consent);
    }

    String path(String kind) {
        return "/api/v1/centers/" + CENTER + "/" + kind + "/imports";
    }

    int volunteers() {
        return jdbc.sql("select count(*) from volunteer where center_code = ?").param(CENTER).query(Integer.class)
                .single();
    }

    JsonNode runToEnd(String kind, String token, JsonNode preview) throws InterruptedException {
        HttpResponse<String> started = api().send("POST", path(kind) + "/" + preview.get("id").asLong() + "/run",
                token, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return RegisterFiles.awaitEnd(api(), path(kind) + "/" + preview.get("id").asLong(), token);
    }

    @Test
    void aVolunteerRegisterNamesEveryBadRowThenImportsAdultsWithTheirRealNameAndConsent() throws Exception {
        String staff = api().token(CENTER + "-staff05");
        int before = volunteers();
        JsonNode bad = Http.json(RegisterFiles.upload(api(), path("volunteers"), staff, RegisterFiles.sheet(
                VOLUNTEER_HEADERS, List.of(
                        volunteer("13989000001", "赵一", idNumber("19850101", 11), "周末", "是"),
                        volunteer("13989000002", "钱二", idNumber("20120505", 21), "周末", "是"),
                        volunteer("13989000003", "孙三", "530111198501011234", "周末", "是"),
                        volunteer("13989000004", "李四", idNumber("19860202", 31), "随时", "是"),
                        volunteer("13989000005", "周五", idNumber("19870303", 41), "周末", ""),
                        volunteer("13989000001", "吴六", idNumber("19880404", 51), "周末", "是"),
                        volunteer("139890", "郑七", idNumber("19890505", 61), "周末", "是")), false)));
        assertThat(bad.get("status").asString()).as(bad.toString()).isEqualTo("INVALID");
        assertThat(RegisterFiles.problems(bad)).contains("5:身份证号:VOLUNTEER_IMPORT_ADULTS_ONLY",
                "6:身份证号:ID_NUMBER_CHECKSUM", "7:服务时段:AVAILABILITY_UNKNOWN", "8:是否同意:CONSENT_REQUIRED",
                "9:手机号:IMPORT_DUPLICATE_ROW", "10:手机号:PHONE_INVALID");
        assertThat(RegisterFiles.problems(bad)).noneMatch(p -> p.startsWith("4:"));
        assertThat(volunteers()).as("nothing imported").isEqualTo(before);

        JsonNode clean = Http.json(RegisterFiles.upload(api(), path("volunteers"), staff, RegisterFiles.sheet(
                VOLUNTEER_HEADERS, List.of(
                        volunteer("13989000011", "冯十一", idNumber("19700101", 111), "工作日白天、周末", "是"),
                        volunteer("13989000012", "陈十二", idNumber("19750202", 121), "节假日", "同意")), false)));
        assertThat(clean.get("status").asString()).as(clean.toString()).isEqualTo("PREVIEWED");
        byte[] kept = jdbc.sql("select content from register_import where id = ?").param(clean.get("id").asLong())
                .query(byte[].class).single();
        assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the kept file is sealed")
                .doesNotContain("PK").doesNotContain(idNumber("19700101", 111));
        JsonNode done = runToEnd("volunteers", staff, clean);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(volunteers()).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                select v.availability::text from volunteer v join account a on a.id = v.account_id
                 where a.phone = '13989000011' and v.status = 'ACTIVE'""").query(String.class).single())
                .contains("WEEKDAY_DAYTIME").contains("WEEKEND");
        assertThat(jdbc.sql("""
                select c.detail from consent c join person p on p.id = c.person_id join account a on a.id = p.account_id
                 where a.phone = '13989000012' and c.purpose = 'REAL_NAME'""").query(String.class).single())
                .contains("志愿者登记台账");
        assertThat(jdbc.sql("""
                select count(*) from role_grant g join account a on a.id = g.account_id
                 where a.phone = '13989000012' and g.role = 'VOLUNTEER'""").query(Integer.class).single()).isEqualTo(1);

        // the same register again: both are volunteers already, so nothing is imported twice
        JsonNode again = Http.json(RegisterFiles.upload(api(), path("volunteers"), staff, RegisterFiles.sheet(
                VOLUNTEER_HEADERS, List.of(volunteer("13989000011", "冯十一", idNumber("19700101", 111), "周末", "是")),
                false)));
        assertThat(RegisterFiles.problems(again)).containsExactly("4:手机号:VOLUNTEER_EXISTS");
    }

    @Test
    void aNumberWhoseHolderHasNoDetailsYetIsNotGivenAnIdentityAndAStreetCenterTakesNoVolunteers() throws Exception {
        api().signInByPhone("13989000051"); // the holder has an account, without real-name details
        String staff = api().token(CENTER + "-staff05");
        JsonNode preview = Http.json(RegisterFiles.upload(api(), path("volunteers"), staff, RegisterFiles.sheet(
                VOLUNTEER_HEADERS, List.of(volunteer("13989000051", "褚五一", idNumber("19800101", 511), "周末", "是")),
                false)));
        assertThat(RegisterFiles.problems(preview)).containsExactly("4:手机号:IMPORT_ACCOUNT_WITHOUT_DETAILS");
        assertCode(RegisterFiles.upload(api(), "/api/v1/centers/jinma/volunteers/imports",
                api().token("jinma-center-admin"), RegisterFiles.sheet(VOLUNTEER_HEADERS,
                        List.of(volunteer("13989000052", "卫五二", idNumber("19800101", 521), "周末", "是")), false)),
                400, "VOLUNTEER_CENTER_REQUIRED");
    }

    @Test
    void merchantsAreImportedByTheCentersAdminsOnlyAllOrNothing() throws Exception {
        byte[] register = RegisterFiles.sheet(MERCHANT_HEADERS, List.of(
                List.of("dz-noodles", "东站米线", "餐饮", "东站路 1 号", "13989000101"),
                List.of("dz-barber", "东站理发", "理发", "东站路 2 号", "13989000102")), false);
        assertCode(RegisterFiles.upload(api(), path("merchants"), api().token(CENTER + "-staff06"), register), 403,
                "FORBIDDEN");
        String admin = api().token(CENTER + "-center-admin");
        JsonNode bad = Http.json(RegisterFiles.upload(api(), path("merchants"), admin, RegisterFiles.sheet(
                MERCHANT_HEADERS, List.of(
                        List.of("dz-tea", "东站茶铺", "餐饮", "", "13989000103"),
                        List.of("DZ Tea!", "坏编号", "", "", "13989000104"),
                        List.of("dz-tea", "又一家", "", "", "13989000105"),
                        List.of("dz-shoes", "", "", "", "13989000106")), false)));
        assertThat(RegisterFiles.problems(bad)).containsExactlyInAnyOrder("5:商户编号:MERCHANT_CODE_INVALID",
                "6:商户编号:IMPORT_DUPLICATE_ROW", "7:商户名称:MERCHANT_NAME_REQUIRED");
        assertThat(jdbc.sql("select count(*) from merchant where code like 'dz-%'").query(Integer.class).single())
                .isZero();

        JsonNode clean = Http.json(RegisterFiles.upload(api(), path("merchants"), admin, register));
        JsonNode done = runToEnd("merchants", admin, clean);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from merchant where code in ('dz-noodles', 'dz-barber') and center_code = ?")
                .param(CENTER).query(Integer.class).single()).isEqualTo(2);
        JsonNode twice = Http.json(RegisterFiles.upload(api(), path("merchants"), admin, register));
        assertThat(RegisterFiles.problems(twice)).containsExactly("4:商户编号:MERCHANT_EXISTS", "5:商户编号:MERCHANT_EXISTS");
    }

    @Test
    void anUnknownRegisterAndAnotherCentersImportAreNotFound() throws Exception {
        String admin = api().token(CENTER + "-center-admin");
        assertCode(api().get("/api/v1/centers/" + CENTER + "/pets/import-template.xlsx", admin), 404,
                "IMPORT_KIND_NOT_FOUND");
        JsonNode clean = Http.json(RegisterFiles.upload(api(), path("merchants"), admin, RegisterFiles.sheet(
                MERCHANT_HEADERS, List.of(List.of("dz-market", "东站超市", "", "", "13989000107")), false)));
        String other = api().token("xiaojie-center-admin");
        assertThat(api().get("/api/v1/centers/xiaojie/merchants/imports/" + clean.get("id").asLong(), other)
                .statusCode()).isEqualTo(404);
        assertThat(api().get(path("volunteers") + "/" + clean.get("id").asLong(), admin).statusCode())
                .as("another kind's import").isEqualTo(404);
    }
}
