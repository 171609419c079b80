package org.linli.appointments.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.linli.appointments.AppointmentReminderDue;
import org.linli.calendar.OpeningHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day before: every appointment of tomorrow (or sooner) not yet reminded gets one reminder. The
 * event and the "reminded" mark are written in one transaction, so a restart neither loses nor
 * repeats it; instances skip rows another one holds.
 */
@Component
class Reminders {

    private final AppointmentRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Reminders(AppointmentRepository repository, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.repository = repository;
        this.events = events;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${linli.appointments.reminder-interval:60s}", initialDelayString = "5s")
    void remind() {
        OffsetDateTime until = LocalDate.now(OpeningHours.ZONE).plusDays(2).atStartOfDay(OpeningHours.ZONE)
                .toOffsetDateTime();
        transactions.executeWithoutResult(status -> {
            for (Appointment a : repository.dueReminders(OffsetDateTime.now(), until, 200)) {
                events.publishEvent(new AppointmentReminderDue(a.id(), a.accountId(), a.service().nameZh(),
                        a.service().nameEn(), a.service().centerCode(), a.startsAt()));
                repository.markReminded(a.id());
            }
        });
    }
}
