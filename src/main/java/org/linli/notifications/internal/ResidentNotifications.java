package org.linli.notifications.internal;

import org.linli.centers.Centers;
import org.linli.residents.HouseholdLinkRequested;
import org.linli.residents.IdNumberRevealed;
import org.linli.residents.RealNameRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells residents what happened to their details. Runs after the business transaction commits, from
 * Spring Modulith's publication registry, so a crash in between is redelivered at restart; the inbox
 * ignores a message it already holds.
 */
@Component
class ResidentNotifications {

    private final Inbox inbox;
    private final Centers centers;

    ResidentNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    @ApplicationModuleListener
    void on(IdNumberRevealed event) {
        inbox.deliver("audit:" + event.auditId(), event.residentAccountId(), "ID_NUMBER_REVEALED", false, true,
                event.staffName(), centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode()),
                event.reason());
    }

    @ApplicationModuleListener
    void on(HouseholdLinkRequested event) {
        inbox.deliver("household-link:" + event.linkId(), event.parentAccountId(), "HOUSEHOLD_LINK_REQUESTED", false,
                true, event.requesterName());
    }

    @ApplicationModuleListener
    void on(RealNameRecorded event) {
        inbox.deliver("real-name:" + event.recordingId(),
                event.accountId(), event.corrected() ? "REAL_NAME_CORRECTED" : "REAL_NAME_RECORDED", false, false);
    }
}
