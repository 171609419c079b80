package org.linli.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;

/** Registers as staff keep them (xlsx), their upload, and waiting for an import's run to end. */
public final class RegisterFiles {

    private RegisterFiles() {
    }

    /** A register: a title row, a scope row, the header, the rows (streamed, any size). */
    public static byte[] sheet(List<String> headers, List<List<String>> rows, boolean merged) throws Exception {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("登记");
            sheet.createRow(0).createCell(0).setCellValue("社区 登记台账");
            sheet.createRow(1).createCell(0).setCellValue("服务中心：社区");
            // a merged title is fine; a merged block among the data (the estate over two rows) is not
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            if (merged) {
                sheet.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
            }
            Row head = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 3;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Uploads a file as a page's form would (multipart, field "file"). */
    public static HttpResponse<String> upload(Api api, String path, String token, byte[] content) {
        return Multipart.post(api, path, token, java.util.Map.of(), "登记.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    /** Follows an import (its status path) until its run has ended; at most a minute. */
    public static JsonNode awaitEnd(Api api, String statusPath, String token) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode status = Http.json(api.get(statusPath, token));
            if (!status.get("status").asString().equals("RUNNING")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    /** The row numbers, columns and codes a preview found wrong, as "row:column:code". */
    public static List<String> problems(JsonNode preview) {
        return preview.get("errors").valueStream()
                .map(e -> e.get("row").asInt() + ":" + e.get("column").asString() + ":" + e.get("code").asString())
                .toList();
    }
}
