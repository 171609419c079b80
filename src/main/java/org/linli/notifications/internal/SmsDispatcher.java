package org.linli.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.linli.identity.AccountDirectory;
import org.linli.notifications.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the texts that are due, one transaction each. {@code for update skip locked} lets every
 * instance run this at once without sending a text twice; a failure is retried with doubling waits.
 */
@Component
class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotificationChannel sms;
    private final AccountDirectory accounts;
    private final NotificationProperties properties;

    SmsDispatcher(JdbcClient jdbc, TransactionTemplate transactions, SmsChannel sms, AccountDirectory accounts,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sms = sms;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${linli.notifications.dispatch-interval:5s}", initialDelayString = "2s")
    void dispatchDue() {
        for (int i = 0; i < 100; i++) {
            Boolean sent = transactions.execute(status -> sendOne());
            if (!Boolean.TRUE.equals(sent)) {
                return;
            }
        }
    }

    /** Sends the oldest due text, if any; true when there was one (sent or failed). */
    boolean sendOne() {
        record Due(UUID id, long accountId, String body, int attempts) {
        }
        List<Due> due = jdbc.sql("""
                select id, account_id, body, sms_attempts from notification
                 where sms_sent_at is null and sms_due_at <= now() order by sms_due_at limit 1 for update skip locked
                """).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .list();
        if (due.isEmpty()) {
            return false;
        }
        Due text = due.getFirst();
        var contact = accounts.contact(text.accountId()).orElse(null);
        try {
            if (contact != null && contact.phone() != null) {
                sms.send(text.id().toString(), new NotificationChannel.Recipient(contact.accountId(), contact.phone(),
                        contact.language()), text.body());
            }
            jdbc.sql("update notification set sms_sent_at = now() where id = ?").param(text.id()).update();
        } catch (RuntimeException failure) {
            int attempts = text.attempts() + 1;
            Duration wait = backoff(attempts);
            log.warn("SMS {} failed (attempt {}), retrying in {}: {}", text.id(), attempts, wait, failure.toString());
            jdbc.sql("""
                    update notification set sms_attempts = ?,
                           sms_due_at = case when ? then null else now() + make_interval(secs => ?) end where id = ?
                    """).params(attempts, attempts >= properties.maxAttempts(), wait.toSeconds(), text.id()).update();
        }
        return true;
    }

    Duration backoff(int attempts) {
        long seconds = properties.firstRetry().toSeconds() << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, properties.maxRetryWait().toSeconds()));
    }
}
