package org.linli.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.linli.identity.AccountDirectory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The in-app inbox. A message is written once per (source, recipient, kind) — its id is derived from
 * them — so a redelivered event changes nothing. Texts come from the message bundles in the
 * recipient's language. An SMS copy is scheduled, after the recipient's quiet hours if not urgent.
 */
@Service
class Inbox {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AccountDirectory accounts;

    Inbox(JdbcClient jdbc, MessageSource messages, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.accounts = accounts;
    }

    record Message(UUID id, String kind, String title, String body, boolean urgent, OffsetDateTime createdAt,
            OffsetDateTime readAt, OffsetDateTime smsSentAt) {
    }

    record Preferences(boolean smsEnabled, LocalTime quietStart, LocalTime quietEnd) {
    }

    void deliver(String sourceId, long accountId, String kind, boolean urgent, boolean sms, Object... args) {
        var contact = accounts.contact(accountId).orElse(null);
        if (contact == null) {
            return;
        }
        Locale locale = Locale.forLanguageTag(contact.language());
        String title = messages.getMessage("notification." + kind + ".title", args, locale);
        String body = messages.getMessage("notification." + kind + ".body", args, locale);
        Preferences prefs = preferences(accountId);
        OffsetDateTime smsDue = sms && contact.phone() != null && (urgent || prefs.smsEnabled())
                ? smsTime(urgent, prefs, ZonedDateTime.now(SHANGHAI)) : null;
        UUID id = UUID.nameUUIDFromBytes((sourceId + "|" + accountId + "|" + kind).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                insert into notification (id, source_id, account_id, kind, title, body, urgent, sms_due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(id, sourceId, accountId, kind, title, body, urgent, smsDue).update();
    }

    /** Now, or the end of the quiet hours when a non-urgent text would fall inside them. */
    static OffsetDateTime smsTime(boolean urgent, Preferences prefs, ZonedDateTime now) {
        if (urgent || prefs.quietStart() == null || prefs.quietEnd() == null
                || prefs.quietStart().equals(prefs.quietEnd())) {
            return now.toOffsetDateTime();
        }
        LocalTime time = now.toLocalTime();
        LocalTime start = prefs.quietStart();
        LocalTime end = prefs.quietEnd();
        boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return now.toOffsetDateTime();
        }
        ZonedDateTime until = now.with(end);
        if (!until.isAfter(now)) {
            until = until.plusDays(1);
        }
        return until.toOffsetDateTime();
    }

    Preferences preferences(long accountId) {
        return jdbc.sql("select sms_enabled, quiet_start, quiet_end from notification_preference where account_id = ?")
                .param(accountId).query((rs, n) -> new Preferences(rs.getBoolean(1),
                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .optional().orElse(new Preferences(true, LocalTime.of(22, 0), LocalTime.of(7, 0)));
    }

    void savePreferences(long accountId, Preferences prefs) {
        jdbc.sql("""
                insert into notification_preference (account_id, sms_enabled, quiet_start, quiet_end) values (?, ?, ?, ?)
                on conflict (account_id) do update set sms_enabled = excluded.sms_enabled,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end
                """).params(accountId, prefs.smsEnabled(), prefs.quietStart(), prefs.quietEnd()).update();
    }

    List<Message> messages(long accountId, int page, int size) {
        return jdbc.sql("""
                select id, kind, title, body, urgent, created_at, read_at, sms_sent_at from notification
                 where account_id = ? order by created_at desc, id limit ? offset ?
                """).params(accountId, size, (long) Math.min(page, 10_000) * size).query((rs, n) -> new Message(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class))).list();
    }

    long unread(long accountId) {
        return jdbc.sql("select count(*) from notification where account_id = ? and read_at is null").param(accountId)
                .query(Long.class).single();
    }

    boolean markRead(long accountId, UUID id) {
        return jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = ? and account_id = ?")
                .params(id, accountId).update() > 0;
    }
}
