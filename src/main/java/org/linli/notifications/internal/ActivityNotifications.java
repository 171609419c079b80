package org.linli.notifications.internal;

import java.time.format.DateTimeFormatter;
import org.linli.activities.ActivityReminderDue;
import org.linli.activities.WaitlistPromoted;
import org.linli.centers.Centers;
import org.linli.platform.RequestTimes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells someone on a waitlist that a place became theirs, and reminds participants a day ahead. */
@Component
class ActivityNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Inbox inbox;
    private final Centers centers;

    ActivityNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    @ApplicationModuleListener
    void on(ActivityReminderDue event) {
        inbox.deliver("activity-reminder:" + event.registrationId(), event.accountId(), "ACTIVITY_REMINDER", false,
                true, event.title(), centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode()),
                WHEN.format(event.startsAt().atZoneSameInstant(RequestTimes.ZONE)));
    }

    @ApplicationModuleListener
    void on(WaitlistPromoted event) {
        // a place freed up shortly before the start must not wait for the end of someone's quiet hours
        boolean soon = event.startsAt().isBefore(java.time.OffsetDateTime.now().plusHours(12));
        inbox.deliver("activity-registration:" + event.registrationId(), event.accountId(), "WAITLIST_PROMOTED", soon,
                true, event.title(), centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode()),
                WHEN.format(event.startsAt().atZoneSameInstant(RequestTimes.ZONE)));
    }
}
