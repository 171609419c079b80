package org.linli.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Spreadsheets in the layout of a register (台账) as staff keep them: a title row, a row naming the
 * center and the period, then Chinese column headers and one row per record. Numbers stay numbers.
 */
public final class Registers {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One sheet of a register. */
    public record Table(String sheetName, String title, String scope, List<String> headers, List<List<Object>> rows) {
    }

    private Registers() {
    }

    public static byte[] xlsx(Table... tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : tables) {
                Sheet sheet = book.createSheet(sheetName(table.sheetName()));
                int width = Math.max(1, table.headers().size());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(table.title());
                title.getCell(0).setCellStyle(bold);
                if (width > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
                }
                sheet.createRow(1).createCell(0).setCellValue(table.scope());
                Row head = sheet.createRow(2);
                for (int i = 0; i < table.headers().size(); i++) {
                    head.createCell(i).setCellValue(table.headers().get(i));
                    head.getCell(i).setCellStyle(bold);
                    sheet.setColumnWidth(i, 16 * 256);
                }
                int r = 3;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v instanceof Number n) {
                            row.createCell(i).setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                        } else if (v != null) {
                            row.createCell(i).setCellValue(v instanceof TemporalAccessor ? v.toString() : v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 3);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A download answer for a register file. */
    public static ResponseEntity<byte[]> download(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }

    /** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    public static String sheetName(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
