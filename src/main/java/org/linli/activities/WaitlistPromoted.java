package org.linli.activities;

import java.time.OffsetDateTime;

/** Someone on an activity's waitlist got a place when another person cancelled. */
public record WaitlistPromoted(long registrationId, long accountId, long activityId, String title,
        String centerCode, OffsetDateTime startsAt) {
}
