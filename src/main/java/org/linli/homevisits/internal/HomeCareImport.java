package org.linli.homevisits.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.platform.LinliException;
import org.linli.platform.RegisterReader;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing the home-service register staff already keep in a spreadsheet. Upload → a preview that
 * names every bad row and why (nothing written but the upload) → run: every row or none, in one
 * transaction, in the background, with its progress readable meanwhile (written in its own small
 * transactions). The file is read as a stream, so 20,000 rows do not fill the memory.
 */
@Service
class HomeCareImport {

    static final List<String> HEADERS = List.of("居民手机号", "姓名", "原因", "残疾等级", "小区或街道", "楼栋", "房号",
            "入户提示", "健康情况", "联系人", "联系人电话", "方便的时间", "是否同意", "同意用途");
    static final Map<String, String> REASONS = Map.of("80岁以上", "AGE_80_PLUS", "残疾", "DISABILITY", "独居",
            "LIVES_ALONE", "临时患病", "TEMPORARY_ILLNESS", "其他", "OTHER");
    private static final int MAX_LISTED = 200;
    private static final Map<String, String> FIELD_HEADERS = Map.ofEntries(Map.entry("residentPhone", "居民手机号"),
            Map.entry("name", "姓名"), Map.entry("reason", "原因"), Map.entry("disabilityGrade", "残疾等级"),
            Map.entry("address", "小区或街道"), Map.entry("building", "楼栋"), Map.entry("room", "房号"),
            Map.entry("accessNotes", "入户提示"), Map.entry("health", "健康情况"), Map.entry("contactName", "联系人"),
            Map.entry("contactPhone", "联系人电话"), Map.entry("preferredTimes", "方便的时间"),
            Map.entry("consent", "是否同意"), Map.entry("consentPurpose", "同意用途"), Map.entry("familyPhone", "家属"));

    record RowError(int row, String column, String code) {
    }

    record Status(long id, String status, String fileName, int total, int done, List<RowError> errors,
            String message) {
    }

    private final JdbcClient jdbc;
    private final HomeCareRegister register;
    private final TaskExecutor executor;
    private final TransactionTemplate all;
    private final TransactionTemplate progress;
    private final JsonMapper json;

    HomeCareImport(JdbcClient jdbc, HomeCareRegister register,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.register = register;
        this.executor = executor;
        this.all = new TransactionTemplate(transactions);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** A spreadsheet row as the register's input; a text in the number column is the row's error. */
    static HomeCareRegister.Input input(RegisterReader.Row row, List<RowError> errors) {
        Integer grade = null;
        String gradeText = row.get("残疾等级");
        if (gradeText != null) {
            try {
                grade = Integer.valueOf(gradeText.replace("级", "").strip());
            } catch (NumberFormatException notANumber) {
                errors.add(new RowError(row.number(), "残疾等级", "IMPORT_NOT_A_NUMBER"));
            }
        }
        String reason = row.get("原因") == null ? null : REASONS.getOrDefault(row.get("原因"), row.get("原因"));
        String consent = row.get("是否同意");
        return new HomeCareRegister.Input(row.get("居民手机号"), row.get("姓名"), reason, grade, row.get("小区或街道"),
                row.get("楼栋"), row.get("房号"), row.get("健康情况"), row.get("入户提示"), row.get("联系人"),
                row.get("联系人电话"), null, row.get("方便的时间"), "是".equals(consent) || "同意".equals(consent),
                row.get("同意用途"));
    }

    private static File temp(byte[] content) {
        try {
            File file = Files.createTempFile("linli-import-", ".xlsx").toFile();
            Files.write(file.toPath(), content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the upload and names every bad row; keeps the file for the run only when there is none. */
    Status preview(String centerCode, long staff, String fileName, byte[] content) {
        List<RowError> errors = new ArrayList<>();
        Set<String> phones = new HashSet<>();
        int[] bad = {0};
        File file = temp(content);
        int total;
        try {
            total = RegisterReader.read(file, HEADERS, row -> {
                List<RowError> mine = new ArrayList<>();
                HomeCareRegister.Input in = input(row, mine);
                register.problems(in).forEach((field, code) -> mine.add(new RowError(row.number(),
                        FIELD_HEADERS.getOrDefault(field, field), code)));
                if (in.residentPhone() != null && !phones.add(in.residentPhone().replaceAll("\\D", ""))) {
                    mine.add(new RowError(row.number(), "居民手机号", "IMPORT_DUPLICATE_ROW"));
                }
                if (!mine.isEmpty()) {
                    bad[0]++;
                    if (errors.size() < MAX_LISTED) {
                        errors.addAll(mine.subList(0, Math.min(mine.size(), MAX_LISTED - errors.size())));
                    }
                }
            });
        } finally {
            file.delete();
        }
        if (total == 0) {
            throw LinliException.badRequest("IMPORT_EMPTY");
        }
        String status = bad[0] == 0 ? "PREVIEWED" : "INVALID";
        String cleanName = fileName == null ? "register.xlsx"
                : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_").substring(0, Math.min(fileName.length(), 200));
        long id = jdbc.sql("""
                insert into register_import (center_code, kind, status, file_name, content, total, errors, created_by)
                values (?, 'HOME_CARE', ?, ?, ?, ?, ?, ?) returning id""")
                .params(centerCode, status, cleanName, bad[0] == 0 ? content : null, total,
                        json.writeValueAsString(errors), staff)
                .query(Long.class).single();
        return find(centerCode, id);
    }

    Status find(String centerCode, long id) {
        // a run cut off by a restart never finishes: after two hours it counts as failed (nothing was committed)
        jdbc.sql("""
                update register_import set status = 'FAILED', message = 'interrupted', finished_at = now()
                 where id = ? and status = 'RUNNING' and started_at < now() - interval '2 hours'""").param(id).update();
        record Row(long id, String status, String fileName, int total, int done, String errors, String message) {
        }
        Row r = jdbc.sql("""
                select id, status, file_name, total, done, errors, message from register_import
                 where center_code = ? and id = ?""").params(centerCode, id).query(Row.class).optional()
                .orElseThrow(() -> LinliException.notFound("IMPORT_NOT_FOUND", id));
        List<RowError> errors = r.errors() == null ? List.of()
                : List.of(json.readValue(r.errors(), RowError[].class));
        return new Status(r.id(), r.status(), r.fileName(), r.total(), r.done(), errors, r.message());
    }

    /** Starts the run of a clean preview; it goes on in the background (read its progress with find). */
    Status run(String centerCode, long id, long staff) {
        int started = jdbc.sql("""
                update register_import set status = 'RUNNING', started_at = now()
                 where center_code = ? and id = ? and status = 'PREVIEWED'""")
                .params(centerCode, id).update();
        if (started == 0) {
            boolean hasErrors = "INVALID".equals(find(centerCode, id).status());
            String code = hasErrors ? "IMPORT_HAS_ERRORS" : "IMPORT_NOT_READY";
            throw LinliException.conflict(code);
        }
        byte[] content = jdbc.sql("select content from register_import where id = ?").param(id).query(byte[].class)
                .single();
        try {
            executor.execute(() -> importAll(centerCode, id, staff, content));
        } catch (org.springframework.core.task.TaskRejectedException busy) {
            jdbc.sql("update register_import set status = 'PREVIEWED' where id = ?").param(id).update();
            throw LinliException.conflict("IMPORT_NOT_READY");
        }
        return find(centerCode, id);
    }

    /** Every row in one transaction: a failure anywhere rolls all back and the import says why. */
    void importAll(String centerCode, long id, long staff, byte[] content) {
        File file = temp(content);
        try {
            all.executeWithoutResult(tx -> {
                int[] done = {0};
                RegisterReader.read(file, HEADERS, row -> {
                    HomeCareRegister.Input in = input(row, new ArrayList<>());
                    try {
                        register.write(centerCode, staff, in);
                    } catch (LinliException refused) {
                        throw LinliException.badRequest("IMPORT_ROW_REFUSED", row.number(), refused.code());
                    }
                    if (++done[0] % 500 == 0) {
                        int n = done[0];
                        progress.executeWithoutResult(p -> jdbc.sql("update register_import set done = ? where id = ?")
                                .params(n, id).update());
                    }
                });
                jdbc.sql("""
                        update register_import set status = 'DONE', done = total, content = null, finished_at = now()
                         where id = ?""").param(id).update();
            });
        } catch (RuntimeException failed) {
            String message = failed instanceof LinliException l ? l.code() + " " + java.util.Arrays.toString(l.args())
                    : failed.getClass().getSimpleName();
            progress.executeWithoutResult(p -> jdbc.sql("""
                    update register_import set status = 'FAILED', done = 0, message = ?, finished_at = now() where id = ?""")
                    .params(message.length() > 200 ? message.substring(0, 200) : message, id).update());
        } finally {
            file.delete();
        }
    }
}
