package org.linli.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linli ships the official calendars of 2025 and 2026 (国务院办公厅 notices). On a database that knows
 * no year yet they are imported at start-up — in every mode, demo or not — under an advisory lock so
 * two instances starting together import once.
 */
@Component
@Order(0)
class BundledCalendar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledCalendar.class);
    static final String RESOURCE = "/calendar/holidays-cn-2025-2026.csv";

    private final CalendarImport calendarImport;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BundledCalendar(CalendarImport calendarImport, JdbcClient jdbc, TransactionTemplate transactions) {
        this.calendarImport = calendarImport;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-calendar'))").query().singleRow();
            if (!calendarImport.empty()) {
                return;
            }
            CalendarImport.Result result = calendarImport.importCsv(read(), "bundled " + RESOURCE);
            if (!result.ok()) {
                throw new IllegalStateException("The bundled calendar does not import: " + result.problems());
            }
            log.info("Imported the official calendar for {} ({} days)", result.years(), result.days());
        });
    }

    static String read() {
        try (InputStream in = BundledCalendar.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
