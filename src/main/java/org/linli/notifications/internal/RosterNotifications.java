package org.linli.notifications.internal;

import org.linli.centers.Centers;
import org.linli.roster.RosterPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Publishing a roster tells each rostered staff member. */
@Component
class RosterNotifications {

    private final Inbox inbox;
    private final Centers centers;

    RosterNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    @ApplicationModuleListener
    void on(RosterPublished event) {
        String center = centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode());
        for (long account : event.staffAccountIds()) {
            inbox.deliver("roster:" + event.rosterId(), account, "DUTY_ROSTER_PUBLISHED", false, true, event.month(),
                    center);
        }
    }
}
