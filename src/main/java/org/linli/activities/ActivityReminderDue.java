package org.linli.activities;

import java.time.OffsetDateTime;

/** A confirmed participant's activity starts within a day: remind them once. */
public record ActivityReminderDue(long registrationId, long accountId, long activityId, String title,
        String centerCode, OffsetDateTime startsAt) {
}
