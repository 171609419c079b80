package org.linli.registers.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linli.platform.LinliException;
import org.linli.platform.RegisterReader;
import org.linli.registers.RegisterKind;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every register import the same way. Upload → a preview that names every bad row and why
 * (nothing written but the upload) → run: every row or none, in one transaction, in the background,
 * with its progress readable meanwhile (written in its own small transactions). The file is read as a
 * stream, so 20,000 rows do not fill the memory.
 */
@Service
class RegisterImports {

    private static final int MAX_LISTED = 200;

    record RowError(int row, String column, String code) {
    }

    record Status(long id, String kind, String status, String fileName, int total, int done, List<RowError> errors,
            String message) {
    }

    private final Map<String, RegisterKind> bySlug;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final TransactionTemplate all;
    private final TransactionTemplate progress;
    private final JsonMapper json;
    private final org.linli.platform.SensitiveData sealing;

    RegisterImports(List<RegisterKind> kinds, JdbcClient jdbc, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, JsonMapper json, org.linli.platform.SensitiveData sealing) {
        this.sealing = sealing;
        this.bySlug = kinds.stream().collect(Collectors.toUnmodifiableMap(k -> k.description().slug(), Function.identity()));
        this.jdbc = jdbc;
        this.executor = executor;
        this.all = new TransactionTemplate(transactions);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** The register a path names; an unknown one is not found. */
    RegisterKind kind(String slug) {
        RegisterKind kind = bySlug.get(slug);
        if (kind == null) {
            throw LinliException.notFound("IMPORT_KIND_NOT_FOUND", slug);
        }
        return kind;
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
    Status preview(RegisterKind kind, String centerCode, long staff, String fileName, byte[] content) {
        List<RowError> errors = new ArrayList<>();
        RegisterKind.RowCheck check = kind.checker(centerCode);
        int[] bad = {0};
        File file = temp(content);
        int total;
        try {
            total = RegisterReader.read(file, kind.description().headers(), row -> {
                List<RegisterKind.Problem> problems = check.problems(row);
                if (!problems.isEmpty()) {
                    bad[0]++;
                    for (RegisterKind.Problem p : problems) {
                        if (errors.size() < MAX_LISTED) {
                            errors.add(new RowError(row.number(), p.column(), p.code()));
                        }
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
        String cleanName = fileName == null || fileName.isBlank() ? "register.xlsx"
                : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        cleanName = cleanName.substring(0, Math.min(cleanName.length(), 200));
        long id = jdbc.sql("""
                insert into register_import (center_code, kind, status, file_name, content, total, errors, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centerCode, kind.description().kind(), status, cleanName,
                        bad[0] == 0 ? sealing.sealBytes(content) : null, total,
                        json.writeValueAsString(errors), staff)
                .query(Long.class).single();
        return find(kind, centerCode, id);
    }

    /**
     * A preview nobody ran within a day is dropped with its file (a register holds personal details).
     * Every instance may run it; the statement is the same whoever runs it first.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void dropStalePreviews() {
        jdbc.sql("""
                update register_import set status = 'FAILED', message = 'IMPORT_EXPIRED', content = null, finished_at = now()
                 where status = 'PREVIEWED' and created_at < now() - interval '1 day'""").update();
    }

    /** One import of this kind at this center; another center's or another kind's is not found. */
    Status find(RegisterKind kind, String centerCode, long id) {
        // a run cut off by a restart never finishes: after two hours it counts as failed (nothing was committed)
        jdbc.sql("""
                update register_import set status = 'FAILED', message = 'IMPORT_INTERRUPTED', content = null, finished_at = now()
                 where id = ? and status = 'RUNNING' and started_at < now() - interval '2 hours'""").param(id).update();
        record Row(long id, String kind, String status, String fileName, int total, int done, String errors,
                String message) {
        }
        Row r = jdbc.sql("""
                select id, kind, status, file_name, total, done, errors, message from register_import
                 where center_code = ? and id = ? and kind = ?""").params(centerCode, id, kind.description().kind()).query(Row.class)
                .optional().orElseThrow(() -> LinliException.notFound("IMPORT_NOT_FOUND", id));
        List<RowError> errors = r.errors() == null ? List.of() : List.of(json.readValue(r.errors(), RowError[].class));
        return new Status(r.id(), r.kind(), r.status(), r.fileName(), r.total(), r.done(), errors, r.message());
    }

    /** Starts the run of a clean preview; it goes on in the background (read its progress with find). */
    Status run(RegisterKind kind, String centerCode, long id, long staff) {
        int started = jdbc.sql("""
                update register_import set status = 'RUNNING', started_at = now()
                 where center_code = ? and id = ? and kind = ? and status = 'PREVIEWED'""")
                .params(centerCode, id, kind.description().kind()).update();
        if (started == 0) {
            boolean hasErrors = "INVALID".equals(find(kind, centerCode, id).status());
            throw LinliException.conflict(hasErrors ? "IMPORT_HAS_ERRORS" : "IMPORT_NOT_READY");
        }
        byte[] content = sealing.openBytes(jdbc.sql("select content from register_import where id = ?").param(id)
                .query(byte[].class).single());
        try {
            executor.execute(() -> importAll(kind, centerCode, id, staff, content));
        } catch (TaskRejectedException busy) {
            jdbc.sql("update register_import set status = 'PREVIEWED' where id = ?").param(id).update();
            throw LinliException.conflict("IMPORT_NOT_READY");
        }
        return find(kind, centerCode, id);
    }

    /** Every row in one transaction: a failure anywhere rolls all back and the import says why. */
    void importAll(RegisterKind kind, String centerCode, long id, long staff, byte[] content) {
        File file = temp(content);
        try {
            all.executeWithoutResult(tx -> {
                int[] done = {0};
                RegisterReader.read(file, kind.description().headers(), row -> {
                    try {
                        kind.write(centerCode, staff, row);
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
            // the code and its arguments, separated by "|", so the page can say it in the reader's language
            String message = failed instanceof LinliException l ? String.join("|", java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(l.code()), java.util.Arrays.stream(l.args()).map(String::valueOf)).toList())
                    : "IMPORT_FAILED";
            progress.executeWithoutResult(p -> jdbc.sql("""
                    update register_import set status = 'FAILED', done = 0, message = ?, content = null, finished_at = now()
                     where id = ?""")
                    .params(message.length() > 200 ? message.substring(0, 200) : message, id).update());
        } finally {
            file.delete();
        }
    }
}
