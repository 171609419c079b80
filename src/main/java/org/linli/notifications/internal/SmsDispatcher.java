package org.linli.notifications.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * Sends the texts that are due. A text is first claimed (a lease, committed), then sent outside any
 * transaction, then marked sent — or rescheduled with a doubling wait. If an instance dies after
 * sending, the lease runs out and the text is sent again with the same message id, which the
 * gateway deduplicates. Preferences are read again at sending time: an opt-out or quiet hours set
 * since the text was scheduled still count.
 */
@Component
class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotificationChannel sms;
    private final AccountDirectory accounts;
    private final Inbox inbox;
    private final NotificationProperties properties;

    SmsDispatcher(JdbcClient jdbc, TransactionTemplate transactions, SmsChannel sms, AccountDirectory accounts,
            Inbox inbox, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sms = sms;
        this.accounts = accounts;
        this.inbox = inbox;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${linli.notifications.dispatch-interval:5s}", initialDelayString = "2s")
    void dispatchDue() {
        for (int i = 0; i < 100 && sendOne(); i++) {
            // one text per round trip, until none is due
        }
    }

    private record Due(UUID id, long accountId, String body, int attempts, boolean urgent) {
    }

    /** Sends the oldest due text, if any; true when there was one (sent, rescheduled or dropped). */
    boolean sendOne() {
        Due text = transactions.execute(status -> claim());
        if (text == null) {
            return false;
        }
        var contact = accounts.contact(text.accountId()).orElse(null);
        Inbox.Preferences prefs = inbox.preferences(text.accountId());
        if (contact == null || contact.phone() == null || (!text.urgent() && !prefs.smsEnabled())) {
            jdbc.sql("update notification set sms_due_at = null where id = ?").param(text.id()).update();
            return true;
        }
        OffsetDateTime allowed = Inbox.smsTime(text.urgent(), prefs, java.time.ZonedDateTime.now(SHANGHAI));
        if (allowed.isAfter(OffsetDateTime.now().plusSeconds(1))) {
            jdbc.sql("update notification set sms_due_at = ? where id = ?").params(allowed, text.id()).update();
            return true;
        }
        try {
            sms.send(text.id().toString(), new NotificationChannel.Recipient(contact.accountId(), contact.phone(),
                    contact.language()), text.body());
            jdbc.sql("update notification set sms_sent_at = now(), sms_due_at = null where id = ?").param(text.id())
                    .update();
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

    /** Takes the oldest due text and leases it, so no other instance sends it meanwhile. */
    private Due claim() {
        Due due = jdbc.sql("""
                select id, account_id, body, sms_attempts, urgent from notification
                 where sms_sent_at is null and sms_due_at <= now() order by sms_due_at limit 1 for update skip locked
                """).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getBoolean(5))).optional().orElse(null);
        if (due != null) {
            jdbc.sql("update notification set sms_due_at = now() + make_interval(secs => ?) where id = ?")
                    .params(LEASE.toSeconds(), due.id()).update();
        }
        return due;
    }

    Duration backoff(int attempts) {
        long seconds = properties.firstRetry().toSeconds() << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, properties.maxRetryWait().toSeconds()));
    }
}
