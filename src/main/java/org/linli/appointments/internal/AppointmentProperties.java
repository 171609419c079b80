package org.linli.appointments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFutureBookings how many upcoming bookings one resident may hold
 * @param bookingDays       how far ahead slots can be booked
 * @param reminderInterval  how often the day-before reminders are looked for
 */
@ConfigurationProperties("linli.appointments")
record AppointmentProperties(@DefaultValue("3") int maxFutureBookings, @DefaultValue("30") int bookingDays,
        @DefaultValue("60s") Duration reminderInterval) {
}
