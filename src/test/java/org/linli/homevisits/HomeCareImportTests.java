package org.linli.homevisits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.linli.testsupport.RegisterFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Importing the home-service register from a spreadsheet: a preview naming every bad row, all or
 * nothing, and clear refusals for a wrong header, merged cells, a text in a number column, a file too
 * large and a file that is not a spreadsheet.
 */
@LinliWebTest
class HomeCareImportTests {

    static final String CENTER = "qianxing";
    static final List<String> HEADERS = List.of("居民手机号", "姓名", "原因", "残疾等级", "小区或街道", "楼栋", "房号",
            "入户提示", "健康情况", "联系人", "联系人电话", "方便的时间", "是否同意", "同意用途");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    static List<String> row(String phone, String reason, String grade, String room) {
        return List.of(phone, "居民" + phone.substring(7), reason, grade, "前兴小区", "3栋", room, "", "", "", "", "上午",
                "是", "上门服务");
    }

    static byte[] sheet(List<String> headers, List<List<String>> rows, boolean merged) throws Exception {
        return RegisterFiles.sheet(headers, rows, merged);
    }

    HttpResponse<String> upload(String token, byte[] content) {
        return RegisterFiles.upload(api(), "/api/v1/centers/" + CENTER + "/home-care/imports", token, content);
    }

    int entries() {
        return jdbc.sql("select count(*) from home_care_profile where center_code = ?").param(CENTER)
                .query(Integer.class).single();
    }

    JsonNode awaitEnd(String token, long id) throws InterruptedException {
        return RegisterFiles.awaitEnd(api(), "/api/v1/centers/" + CENTER + "/home-care/imports/" + id, token);
    }

    @Test
    void aCleanRegisterImportsWholeAndABadOneNamesEveryBadRowAndImportsNothing() throws Exception {
        String staff = api().token(CENTER + "-staff01");
        int before = entries();
        HttpResponse<String> bad = upload(staff, sheet(HEADERS, List.of(
                row("13996000001", "独居", "", "101"),
                row("13996000002", "外星人", "", "102"),
                row("13996000003", "残疾", "二级半", "103"),
                row("13996000004", "80岁以上", "", ""),
                row("13996000001", "独居", "", "105")), false));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(201);
        JsonNode preview = Http.json(bad);
        assertThat(preview.get("status").asString()).isEqualTo("INVALID");
        assertThat(preview.get("total").asInt()).isEqualTo(5);
        // rows as the spreadsheet numbers them: the header is row 3, data from row 4
        List<String> problems = RegisterFiles.problems(preview);
        assertThat(problems).contains("5:原因:HOME_CARE_REASON_UNKNOWN", "6:残疾等级:IMPORT_NOT_A_NUMBER",
                "7:房号:ADDRESS_INCOMPLETE", "8:居民手机号:IMPORT_DUPLICATE_ROW");
        assertThat(problems).noneMatch(p -> p.startsWith("4:"));
        assertCode(api().send("POST", "/api/v1/centers/" + CENTER + "/home-care/imports/"
                + preview.get("id").asLong() + "/run", staff, null), 409, "IMPORT_HAS_ERRORS");
        assertThat(entries()).as("nothing imported").isEqualTo(before);

        JsonNode clean = Http.json(upload(staff, sheet(HEADERS, List.of(row("13996000011", "独居", "", "201"),
                row("13996000012", "残疾", "2", "202"), row("13996000013", "临时患病", "", "203")), false)));
        assertThat(clean.get("status").asString()).isEqualTo("PREVIEWED");
        HttpResponse<String> started = api().send("POST", "/api/v1/centers/" + CENTER + "/home-care/imports/"
                + clean.get("id").asLong() + "/run", staff, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitEnd(staff, clean.get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("done").asInt()).isEqualTo(3);
        assertThat(entries()).isEqualTo(before + 3);
        assertCode(api().send("POST", "/api/v1/centers/" + CENTER + "/home-care/imports/"
                + clean.get("id").asLong() + "/run", staff, null), 409, "IMPORT_NOT_READY");
    }

    @Test
    void aWrongHeaderMergedCellsATooLargeFileOrNotASpreadsheetAreRefusedClearly() throws Exception {
        String staff = api().token(CENTER + "-staff02");
        int before = entries();
        List<String> wrong = new java.util.ArrayList<>(HEADERS);
        wrong.set(6, "门牌");
        HttpResponse<String> header = upload(staff, sheet(wrong, List.of(row("13996000021", "独居", "", "1")), false));
        assertCode(header, 400, "IMPORT_HEADER");
        assertThat(Http.json(header).get("detail").asString()).contains("房号").contains("门牌");
        assertCode(upload(staff, sheet(HEADERS, List.of(row("13996000022", "独居", "", "1"),
                row("13996000024", "独居", "", "2")), true)), 400, "IMPORT_MERGED_CELLS");
        assertCode(upload(staff, "居民手机号,姓名\n13996000023,张三\n".getBytes(StandardCharsets.UTF_8)), 400,
                "IMPORT_NOT_XLSX");
        HttpResponse<String> huge = upload(staff, new byte[50 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).doesNotContain("Exception");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void theRegisterTemplateLinliHandsOutImportsOnceFilledIn() throws Exception {
        String staff = api().token(CENTER + "-staff04");
        HttpResponse<byte[]> template = api().http().bytes(api().http()
                .request("/api/v1/centers/" + CENTER + "/home-care/import-template.xlsx")
                .header("Authorization", "Bearer " + staff).build());
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] filled;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("居民手机号");
            List<String> values = row("13996000031", "独居", "", "401");
            Row row = sheet.createRow(3);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            book.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> preview = upload(staff, filled);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(201);
        assertThat(Http.json(preview).get("status").asString()).isEqualTo("PREVIEWED");
        assertThat(Http.json(preview).get("total").asInt()).isEqualTo(1);
    }

    /** 20,000 rows: streamed in and out, imported in one transaction. */
    @Test
    void twentyThousandRowsImportWithoutLoadingTheFileWhole() throws Exception {
        String staff = api().token(CENTER + "-staff03");
        int before = entries();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row("13997" + String.format("%06d", i), "独居", "", String.valueOf(i)));
        }
        JsonNode preview = Http.json(upload(staff, sheet(HEADERS, rows, false)));
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("PREVIEWED");
        assertThat(preview.get("total").asInt()).isEqualTo(20_000);
        assertThat(api().send("POST", "/api/v1/centers/" + CENTER + "/home-care/imports/" + preview.get("id").asLong()
                + "/run", staff, null).statusCode()).isEqualTo(202);
        JsonNode done = awaitEnd(staff, preview.get("id").asLong());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(entries()).isEqualTo(before + 20_000);
    }
}
