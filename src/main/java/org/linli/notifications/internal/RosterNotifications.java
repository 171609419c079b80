package org.linli.notifications.internal;

import org.linli.centers.Centers;
import org.linli.roster.DutySwapRequested;
import org.linli.roster.RosterChanged;
import org.linli.roster.RosterPublished;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Publishing a roster tells each rostered staff member; a change tells those whose duties moved; a swap request the colleague. */
@Component
class RosterNotifications {

    private final Inbox inbox;
    private final Centers centers;

    RosterNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    private String center(String code) {
        return centers.find(code).map(c -> c.nameZh()).orElse(code);
    }

    @ApplicationModuleListener
    void on(RosterPublished event) {
        String center = center(event.centerCode());
        for (long account : event.staffAccountIds()) {
            inbox.deliver("roster:" + event.rosterId(), account, "DUTY_ROSTER_PUBLISHED", false, true, event.month(),
                    center);
        }
    }

    @ApplicationModuleListener
    void on(RosterChanged event) {
        String center = center(event.centerCode());
        for (long account : event.staffAccountIds()) {
            inbox.deliver("roster:" + event.rosterId() + ":" + event.revision(), account, "DUTY_ROSTER_CHANGED", false,
                    true, event.month(), center, event.revision());
        }
    }

    @ApplicationModuleListener
    void on(DutySwapRequested event) {
        inbox.deliver("swap:" + event.swapId(), event.colleagueAccountId(), "DUTY_SWAP_REQUESTED", false, true,
                event.dutyDate().toString(), new DefaultMessageSourceResolvable("roster.kind." + event.kind()));
    }
}
