package org.linli.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

/** Applications through the contract's endpoints: submit, the one inbox, every transition, materials. */
@LinliWebTest
class ApplicationApiTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    static final String SOCIAL_CARD_FORM = """
            {"applicantName":"测试居民","phone":"13900020001","idNumber":"53019919600501100X","forFamily":"false"}""";

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

    static String idNumber(String first17) {
        return first17 + org.linli.platform.IdCardNumber.checkCharacter(first17);
    }

    JsonNode submit(String token, String item, String fields) {
        HttpResponse<String> r = api().send("POST", "/api/v1/applications", token,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"" + item + "\",\"fields\":" + fields + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r);
    }

    HttpResponse<String> act(String token, long id, String body) {
        return api().send("POST", "/api/v1/applications/" + id + "/transitions", token, body);
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    String form(String phone) {
        return SOCIAL_CARD_FORM.replace("53019919600501100X", idNumber("53019919600501100")).replace("13900020001", phone);
    }

    @Test
    void aGovernmentItemGoesFromSubmissionToCompletionWithADeadlineOnTheCalendar() {
        String me = resident("13900020001");
        JsonNode created = submit(me, "SI-08", form("13900020001"));
        long id = created.get("id").asLong();
        assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.get("number").asString()).startsWith("SQ");
        assertThat(created.get("deadline").isNull()).isTrue();
        assertThat(created.get("history").get(0).get("action").asString()).isEqualTo("SUBMIT");
        assertThat(created.get("fields").get("idNumber").asString()).endsWith(idNumber("53019919600501100").substring(14));
        assertThat(jdbc.sql("select form_sealed from application where id = ?").param(id).query(String.class).single())
                .startsWith("v1:").doesNotContain("测试居民");

        assertCode(act(me, id, "{\"action\":\"ACCEPT\"}"), 403, "STAFF_ACTION");
        String staff = api().token("xiaojie-staff03");
        JsonNode accepted = ok(act(staff, id, "{\"action\":\"ACCEPT\",\"note\":\"材料齐全\"}"));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String expected = Http.json(api().http().get("/api/v1/calendar/working-days?from=" + today + "&add="
                + accepted.get("timeLimit").get("value").asInt())).get("date").asString();
        assertThat(accepted.get("deadline").asString()).isEqualTo(expected);
        assertCode(act(staff, id, "{\"action\":\"ACCEPT\"}"), 409, "APPLICATION_ACTION_NOT_ALLOWED");
        assertCode(act(staff, id, "{\"action\":\"FORWARD\",\"upstreamCaseNumber\":\"X\",\"upstreamContact\":\"Y\"}"),
                409, "APPLICATION_ACTION_NOT_ALLOWED");
        assertCode(act(staff, id, "{\"action\":\"COMPLETE\"}"), 400, "APPLICATION_FIELD_REQUIRED");
        JsonNode done = ok(act(staff, id, "{\"action\":\"COMPLETE\",\"handover\":\"POST\"}"));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertCode(act(me, id, "{\"action\":\"WITHDRAW\"}"), 409, "APPLICATION_ACTION_NOT_ALLOWED");

        // the resident sees the history without the staff's internal note; staff see it in full
        JsonNode mine = ok(api().get("/api/v1/applications/" + id, me));
        assertThat(mine.get("history")).hasSize(3);
        assertThat(mine.get("history").toString()).doesNotContain("材料齐全").doesNotContain("internalNote");
        assertThat(ok(api().get("/api/v1/applications/" + id, staff)).get("history").toString()).contains("材料齐全");

        // 好差评: a poor rating opens a follow-up for the center admin
        assertCode(api().send("POST", "/api/v1/applications/" + id + "/rating", me, "{\"stars\":7}"), 400,
                "RATING_OUT_OF_RANGE");
        assertThat(ok(api().send("POST", "/api/v1/applications/" + id + "/rating", me,
                "{\"stars\":2,\"comment\":\"等太久\"}")).get("rating").asInt()).isEqualTo(2);
        assertCode(api().send("POST", "/api/v1/applications/" + id + "/rating", me, "{\"stars\":5}"), 409,
                "APPLICATION_ALREADY_RATED");
        String admin = api().token("xiaojie-center-admin");
        assertThat(ok(api().get("/api/v1/centers/xiaojie/follow-ups", admin)).get("followUps").toString())
                .contains(created.get("number").asString());
    }

    @Test
    void aProxyItemIsForwardedItsUpstreamResultRecordedThenCompleted() {
        String me = resident("13900020002");
        JsonNode created = submit(me, "SA-01", """
                {"applicantName":"王某","phone":"13900020002","idNumber":"%s","householdSize":"3","monthlyIncome":"1200"}
                """.formatted(idNumber("53019919700301200")));
        long id = created.get("id").asLong();
        assertThat(created.get("kind").asString()).isEqualTo("PROXY");
        String staff = api().token("xiaojie-staff04");
        ok(act(staff, id, "{\"action\":\"ACCEPT\"}"));
        assertCode(act(staff, id, "{\"action\":\"COMPLETE\",\"handover\":\"PICKUP\"}"), 409,
                "APPLICATION_ACTION_NOT_ALLOWED");
        assertCode(act(staff, id, "{\"action\":\"FORWARD\",\"upstreamCaseNumber\":\"GD-1\"}"), 400,
                "APPLICATION_FIELD_REQUIRED");
        assertCode(act(staff, id, "{\"action\":\"FORWARD\",\"upstreamCaseNumber\":\"" + "9".repeat(61)
                + "\",\"upstreamContact\":\"李\"}"), 400, "TEXT_TOO_LONG");
        assertCode(act(staff, id, "{\"action\":\"REFUSE\",\"reason\":\"不\\u0000行\"}"), 400, "TEXT_INVALID");
        JsonNode forwarded = ok(act(staff, id,
                "{\"action\":\"FORWARD\",\"upstreamCaseNumber\":\"GD-2026-118\",\"upstreamContact\":\"区民政局 李老师\"}"));
        assertThat(forwarded.get("status").asString()).isEqualTo("FORWARDED");
        assertCode(act(staff, id, "{\"action\":\"COMPLETE\",\"handover\":\"PICKUP\"}"), 409,
                "APPLICATION_ACTION_NOT_ALLOWED");
        JsonNode result = ok(act(staff, id, "{\"action\":\"RECORD_RESULT\",\"result\":\"审批通过，下月起发放\"}"));
        assertThat(result.get("status").asString()).isEqualTo("FORWARDED");
        assertCode(act(staff, id, "{\"action\":\"RECORD_RESULT\",\"result\":\"又一个结果\"}"), 409,
                "APPLICATION_ACTION_NOT_ALLOWED");
        assertThat(ok(act(staff, id, "{\"action\":\"COMPLETE\",\"handover\":\"HOME_DELIVERY\"}")).get("status")
                .asString()).isEqualTo("COMPLETED");
        JsonNode seen = ok(api().get("/api/v1/applications/" + id, me));
        assertThat(seen.get("upstreamResult").asString()).isEqualTo("审批通过，下月起发放");
        assertThat(seen.has("upstreamCaseNumber")).as("internal to staff").isFalse();
        List<String> actions = new ArrayList<>();
        seen.get("history").forEach(h -> actions.add(h.get("action").asString()));
        assertThat(actions).containsExactly("SUBMIT", "ACCEPT", "FORWARD", "RECORD_RESULT", "COMPLETE");
    }

    @Test
    void aSupplementRequestWaitsForTheResidentAndTheResidentMayWithdraw() {
        String me = resident("13900020003");
        long id = submit(me, "SI-08", form("13900020003")).get("id").asLong();
        String staff = api().token("xiaojie-staff05");
        assertCode(act(staff, id, "{\"action\":\"REQUEST_SUPPLEMENT\"}"), 400, "APPLICATION_FIELD_REQUIRED");
        JsonNode asked = ok(act(staff, id, "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"请上传白底证件照\"}"));
        assertThat(asked.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(ok(api().get("/api/v1/applications/" + id, me)).get("supplementRequest").asString())
                .isEqualTo("请上传白底证件照");
        assertCode(act(me, id, "{\"action\":\"SUPPLEMENT\"}"), 409, "SUPPLEMENT_WITHOUT_MATERIAL");
        assertThat(upload(me, id, "近期白底证件照", "photo.jpg", JPEG).statusCode()).isEqualTo(201);
        JsonNode back = ok(act(me, id, "{\"action\":\"SUPPLEMENT\"}"));
        assertThat(back.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ok(act(me, id, "{\"action\":\"WITHDRAW\"}")).get("status").asString()).isEqualTo("WITHDRAWN");
        assertCode(act(staff, id, "{\"action\":\"ACCEPT\"}"), 409, "APPLICATION_ACTION_NOT_ALLOWED");
        assertCode(act(me, id, "{\"action\":\"DANCE\"}"), 400, "ACTION_UNKNOWN");
    }

    @Test
    void badSubmissionsAreRefusedNamingEachFieldAndStoreNothing() {
        String me = resident("13900020004");
        int before = jdbc.sql("select count(*) from application").query(Integer.class).single();
        HttpResponse<String> missing = api().send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"RE-01\",\"fields\":{\"applicantName\":\"张三\",\"idNumber\":\"123\",\"gender\":\"X\"}}");
        assertCode(missing, 400, "APPLICATION_FORM_INVALID");
        List<String> fields = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Http.json(missing).get("errors").forEach(e -> {
            fields.add(e.get("field").asString());
            codes.add(e.get("field").asString() + ":" + e.get("code").asString());
        });
        assertThat(fields).contains("ethnicity", "birthDate", "phone", "householdAddress", "address", "livingSince",
                "basis", "housing").doesNotContain("applicantName", "note");
        assertThat(codes).contains("idNumber:FORMAT", "gender:CHOICE", "phone:REQUIRED");
        assertThat(Http.json(missing).get("errors").get(0).get("message").asString()).isNotBlank();
        assertCode(api().send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"NOPE-1\",\"fields\":{}}"), 404, "CATALOG_ITEM_NOT_FOUND");
        assertCode(api().send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"CE-01\",\"fields\":{}}"), 409, "ITEM_IS_REFERRAL");
        assertCode(api().send("POST", "/api/v1/applications", me,
                "{\"centerCode\":\"nowhere\",\"itemCode\":\"SI-08\",\"fields\":{}}"), 404, "CENTER_NOT_FOUND");
        assertCode(api().http().postJson("/api/v1/applications",
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"SI-08\",\"fields\":{}}"), 401, "UNAUTHENTICATED");
        assertThat(jdbc.sql("select count(*) from application").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void applicationsAreScopedToTheirCenterAndTheirApplicant() {
        String me = resident("13900020005");
        long id = submit(me, "SI-08", form("13900020005")).get("id").asLong();
        assertCode(api().get("/api/v1/applications/" + id, api().token("beijinglu-staff01")), 404,
                "APPLICATION_NOT_FOUND");
        assertCode(act(api().token("beijinglu-staff01"), id, "{\"action\":\"ACCEPT\"}"), 404, "APPLICATION_NOT_FOUND");
        assertCode(api().get("/api/v1/applications/" + id, resident("13900020006")), 404, "APPLICATION_NOT_FOUND");
        assertThat(ok(api().get("/api/v1/applications/" + id, api().token("guanshang-admin"))).get("id").asLong())
                .as("the street above sees it").isEqualTo(id);
        assertCode(api().get("/api/v1/centers/xiaojie/applications", api().token("beijinglu-staff01")), 404,
                "CENTER_NOT_FOUND");
        assertCode(api().get("/api/v1/centers/xiaojie/applications", me), 404, "CENTER_NOT_FOUND");
    }

    @Test
    void twoStaffAcceptingAtOnceCannotBothSucceed() throws Exception {
        String me = resident("13900020007");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submit(me, "SI-08", form("13900020007")).get("id").asLong());
        }
        List<String> tokens = List.of(api().token("xiaojie-staff06"), api().token("xiaojie-staff07"),
                api().token("xiaojie-staff08"), api().token("xiaojie-center-admin"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (long id : ids) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    start.await();
                    return act(token, id, "{\"action\":\"ACCEPT\"}").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from application_event where application_id = ? and action = 'ACCEPT'")
                    .param(id).query(Integer.class).single()).isEqualTo(1);
        }
        pool.shutdown();
    }

    @Test
    void staffRegisterAWalkInWithTheResidentsConsent() {
        String staff = api().token("xiaojie-staff09");
        String body = "{\"itemCode\":\"SI-08\",\"residentPhone\":\"13900020008\",\"residentName\":\"赵奶奶\","
                + "\"channel\":\"WINDOW\",\"consent\":%s,\"fields\":" + form("13900020008") + "}";
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/applications", staff, body.formatted("false")), 400,
                "CONSENT_REQUIRED");
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/xiaojie/applications", staff,
                body.formatted("true"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("channel").asString()).isEqualTo("WINDOW");
        HttpResponse<String> nameless = api().send("POST", "/api/v1/centers/xiaojie/applications", staff,
                body.formatted("true").replace("\"residentPhone\":\"13900020008\",\"residentName\":\"赵奶奶\"",
                        "\"residentPhone\":\"13900020011\""));
        assertThat(nameless.statusCode()).as("no name given: a default one").isEqualTo(201);
        // staff do not handle their own applications
        String staffAsApplicant = api().token("xiaojie-staff15");
        long own = Http.json(api().send("POST", "/api/v1/centers/xiaojie/applications", staffAsApplicant,
                body.formatted("true").replace("13900020008", "13900020012"))).get("id").asLong();
        assertThat(own).isPositive();
        assertCode(api().send("POST", "/api/v1/applications", staffAsApplicant,
                "{\"centerCode\":\"xiaojie\",\"itemCode\":\"SI-08\",\"fields\":" + form("13900020012") + "}"), 403,
                "RESIDENTS_APPLY");
        // the resident (who had no account) finds it after signing in with that phone
        String resident = resident("13900020008");
        assertThat(ok(api().get("/api/v1/me/applications", resident)).get("applications").toString())
                .contains(Http.json(created).get("number").asString());
        assertThat(jdbc.sql("select consent_at is not null from application where id = ?")
                .param(Http.json(created).get("id").asLong()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theInboxFiltersByStatusItemAndDueDate() {
        String staff = api().token("xiaojie-staff10");
        JsonNode overdue = ok(api().get("/api/v1/centers/xiaojie/applications?due=OVERDUE", staff));
        assertThat(overdue.get("total").asInt()).as("the demo has an overdue application").isPositive();
        overdue.get("applications").forEach(a -> assertThat(a.get("deadline").asString())
                .isLessThan(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
        for (String status : List.of("SUBMITTED", "ACCEPTED", "SUPPLEMENT_REQUESTED", "REFUSED", "FORWARDED",
                "COMPLETED", "WITHDRAWN")) {
            assertThat(ok(api().get("/api/v1/centers/xiaojie/applications?status=" + status, staff)).get("total")
                    .asInt()).as(status).isPositive();
        }
        JsonNode byItem = ok(api().get("/api/v1/centers/xiaojie/applications?item=EL-01", staff));
        byItem.get("applications").forEach(a -> assertThat(a.get("itemCode").asString()).isEqualTo("EL-01"));
        assertCode(api().get("/api/v1/centers/xiaojie/applications?status=LOST", staff), 400, "STATUS_UNKNOWN");
        assertCode(api().get("/api/v1/centers/xiaojie/applications?due=YESTERDAY", staff), 400, "DUE_FILTER_UNKNOWN");
        assertCode(api().get("/api/v1/centers/xiaojie/applications?item=%00", staff), 400, "ITEM_CODE_INVALID");
        assertThat(ok(api().get("/api/v1/centers/xiaojie/applications?page=2147483647&size=100", staff))
                .get("applications")).isEmpty();
    }

    // ----- materials -----------------------------------------------------------------------------

    HttpResponse<String> upload(String token, long id, String name, String fileName, byte[] content) {
        return org.linli.testsupport.Multipart.post(api(), "/api/v1/applications/" + id + "/materials", token,
                java.util.Map.of("name", name), fileName, "image/jpeg", content);
    }

    @Test
    void materialsAreCheckedByContentStoredOnceEncryptedAndOnlyForTheApplicantAndStaff() throws Exception {
        String me = resident("13900020009");
        long id = submit(me, "SI-08", form("13900020009")).get("id").asLong();
        byte[] photo = new byte[2048];
        System.arraycopy(JPEG, 0, photo, 0, JPEG.length);
        for (int i = JPEG.length; i < photo.length; i++) {
            photo[i] = (byte) ("照片" + i).hashCode();
        }
        HttpResponse<String> first = upload(me, id, "近期白底证件照", "我的照片.jpg", photo);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(Http.json(first).get("contentType").asString()).isEqualTo("image/jpeg");
        int files = jdbc.sql("select count(*) from stored_file").query(Integer.class).single();
        assertThat(upload(me, id, "居民身份证", "again.jpg", photo).statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from stored_file").query(Integer.class).single()).as("stored once")
                .isEqualTo(files);

        assertCode(upload(me, id, "居民身份证", "fake.jpg", "这不是图片".getBytes(StandardCharsets.UTF_8)), 400,
                "FILE_TYPE_NOT_ALLOWED");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(JPEG, 0, huge, 0, JPEG.length);
        HttpResponse<String> tooBig = upload(me, id, "居民身份证", "big.jpg", huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from stored_file").query(Integer.class).single()).isEqualTo(files);
        assertThat(jdbc.sql("select count(*) from application_material where application_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2);

        long materialId = Http.json(first).get("id").asLong();
        String path = "/api/v1/applications/" + id + "/materials/" + materialId;
        HttpResponse<byte[]> mine = java.net.http.HttpClient.newHttpClient().send(api().http().request(path)
                .header("Authorization", "Bearer " + me).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(photo);
        assertThat(api().get(path, api().token("xiaojie-staff11")).statusCode()).isEqualTo(200);
        assertCode(api().get(path, resident("13900020010")), 404, "APPLICATION_NOT_FOUND");
        assertCode(api().get(path, api().token("fenghuangshan-staff01")), 404, "APPLICATION_NOT_FOUND");

        // on disk the file is encrypted: the photo's bytes are not there
        String hash = jdbc.sql("select file_hash from application_material where id = ?").param(materialId)
                .query(String.class).single();
        byte[] onDisk = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("target/test-data/files",
                hash.substring(0, 2), hash));
        assertThat(new String(onDisk, 0, 3, StandardCharsets.UTF_8)).isEqualTo("v1:");
        assertThat(indexOf(onDisk, java.util.Arrays.copyOfRange(photo, 100, 140))).isNegative();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
