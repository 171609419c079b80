package org.linli.activities.internal;

import java.util.List;
import org.linli.activities.ActivityReminderDue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds confirmed participants a day ahead. Each run claims due registrations with
 * {@code for update skip locked}, marks them reminded and publishes the events in one transaction,
 * so several instances never remind twice and a crash never loses a reminder.
 */
@Component
class ActivityReminders {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    ActivityReminders(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${linli.activities.reminder-interval:60s}", initialDelayString = "10s")
    void remind() {
        transactions.executeWithoutResult(tx -> {
            List<ActivityReminderDue> due = jdbc.sql("""
                    select r.id, r.account_id, a.id as activity_id, a.title, a.center_code, a.starts_at
                      from activity_registration r join activity a on a.id = r.activity_id
                     where r.status = 'CONFIRMED' and r.reminded_at is null and a.status = 'PUBLISHED'
                       and a.starts_at > now() and a.starts_at <= now() + interval '24 hours'
                       and r.confirmed_at < a.starts_at - interval '24 hours'
                     order by a.starts_at limit 200
                     for update of r skip locked""")
                    .query((rs, n) -> new ActivityReminderDue(rs.getLong("id"), rs.getLong("account_id"),
                            rs.getLong("activity_id"), rs.getString("title"), rs.getString("center_code"),
                            rs.getObject("starts_at", java.time.OffsetDateTime.class)))
                    .list();
            for (ActivityReminderDue reminder : due) {
                jdbc.sql("update activity_registration set reminded_at = now() where id = :id")
                        .param("id", reminder.registrationId()).update();
                events.publishEvent(reminder);
            }
        });
    }
}
