package org.linli.notifications.internal;

import java.time.format.DateTimeFormatter;
import org.linli.appointments.AppointmentBooked;
import org.linli.appointments.AppointmentReminderDue;
import org.linli.centers.Centers;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Confirms bookings and sends the day-before reminder, once per appointment and kind. */
@Component
class AppointmentNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Inbox inbox;
    private final Centers centers;

    AppointmentNotifications(Inbox inbox, Centers centers) {
        this.inbox = inbox;
        this.centers = centers;
    }

    private String centerName(String code) {
        return centers.find(code).map(c -> c.nameZh()).orElse(code);
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        inbox.deliver("appointment:" + event.appointmentId(), event.accountId(), "APPOINTMENT_BOOKED", false, true,
                event.serviceNameZh(), centerName(event.centerCode()), WHEN.format(event.startsAt().atZoneSameInstant(
                        java.time.ZoneId.of("Asia/Shanghai"))));
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue event) {
        inbox.deliver("appointment:" + event.appointmentId(), event.accountId(), "APPOINTMENT_REMINDER", false, true,
                event.serviceNameZh(), centerName(event.centerCode()), WHEN.format(event.startsAt().atZoneSameInstant(
                        java.time.ZoneId.of("Asia/Shanghai"))));
    }
}
