package org.linli.points.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Monthly statements per merchant (a page and a spreadsheet), and the points a center has in circulation. */
@Service
class Settlement {

    record Statement(String merchantCode, String merchantName, String month, List<Redemptions.StatementLine> lines,
            int redemptions, long redeemedPoints, int reversals, long reversedPoints, long netPoints) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Redemptions redemptions;
    private final JdbcClient jdbc;

    Settlement(Redemptions redemptions, JdbcClient jdbc) {
        this.redemptions = redemptions;
        this.jdbc = jdbc;
    }

    Statement statement(Merchants.Merchant m, YearMonth month) {
        List<Redemptions.StatementLine> lines = redemptions.statement(m.id(), month.atDay(1));
        long redeemed = lines.stream().mapToLong(Redemptions.StatementLine::points).sum();
        List<Redemptions.StatementLine> reversed = lines.stream().filter(l -> l.reversedAt() != null).toList();
        long reversedPoints = reversed.stream().mapToLong(Redemptions.StatementLine::points).sum();
        return new Statement(m.code(), m.name(), month.toString(), lines, lines.size(), redeemed, reversed.size(),
                reversedPoints, redeemed - reversedPoints);
    }

    /** Issued by the center, expired there, and held by volunteers across the district (one balance each). */
    Map<String, Object> circulation(String centerCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issued", -jdbc.sql("select coalesce(sum(balance), 0) from points_account where kind = 'ISSUANCE' "
                + "and center_code = ?").param(centerCode).query(Long.class).single());
        body.put("expired", jdbc.sql("select coalesce(sum(balance), 0) from points_account where kind = 'EXPIRY' "
                + "and center_code = ?").param(centerCode).query(Long.class).single());
        body.put("inCirculation", jdbc.sql("select coalesce(sum(balance), 0) from points_account where kind = 'VOLUNTEER'")
                .query(Long.class).single());
        body.put("atMerchants", jdbc.sql("""
                select coalesce(sum(a.balance), 0) from points_account a join merchant m on m.id = a.owner_id
                 where a.kind = 'MERCHANT' and m.center_code = ?""").param(centerCode).query(Long.class).single());
        return body;
    }

    byte[] spreadsheet(List<Statement> statements) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Statement s : statements) {
                // merchant codes are unique, names need not be
                Sheet sheet = book.createSheet(org.linli.platform.Registers.sheetName(s.merchantCode() + " " + s.month()));
                int r = 0;
                Row title = sheet.createRow(r++);
                title.createCell(0).setCellValue(s.merchantName() + " 积分兑换结算单 " + s.month());
                Row head = sheet.createRow(r++);
                String[] columns = {"兑换编号", "时间", "兑换内容", "积分", "已撤销"};
                for (int i = 0; i < columns.length; i++) {
                    head.createCell(i).setCellValue(columns[i]);
                }
                for (Redemptions.StatementLine line : s.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.id());
                    row.createCell(1).setCellValue(WHEN.format(line.createdAt().atZoneSameInstant(RequestTimes.ZONE)));
                    row.createCell(2).setCellValue(line.offerTitle());
                    row.createCell(3).setCellValue(line.points());
                    row.createCell(4).setCellValue(line.reversedAt() == null ? "" : "是");
                }
                r++;
                total(sheet.createRow(r++), "兑换笔数", s.redemptions());
                total(sheet.createRow(r++), "兑换积分", s.redeemedPoints());
                total(sheet.createRow(r++), "撤销笔数", s.reversals());
                total(sheet.createRow(r++), "撤销积分", s.reversedPoints());
                total(sheet.createRow(r), "应结算积分", s.netPoints());
                for (int i = 0; i < columns.length; i++) {
                    sheet.setColumnWidth(i, i == 2 ? 30 * 256 : 18 * 256);
                }
            }
            if (statements.isEmpty()) {
                book.createSheet("结算单");
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void total(Row row, String label, long value) {
        row.createCell(2).setCellValue(label);
        row.createCell(3).setCellValue(value);
    }
}
