package org.linli.notifications.internal;

import org.linli.applications.ApplicationStatusChanged;
import org.linli.centers.Centers;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the applicant of every step of their application, once per step. */
@Component
class ApplicationNotifications {

    private final Inbox inbox;
    private final Centers centers;

    ApplicationNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged event) {
        String center = centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode());
        String reason = event.reason() == null ? "" : event.action().equals("COMPLETE")
                ? handover(event.reason()) : event.reason();
        inbox.deliver("application-step:" + event.eventId(), event.applicantId(), "APPLICATION_" + event.action(),
                false, true, event.itemName(), event.number(), reason, center);
    }

    private static String handover(String code) {
        return switch (code) {
            case "POST" -> "邮寄送达";
            case "HOME_DELIVERY" -> "送件上门";
            default -> "到窗口领取";
        };
    }
}
