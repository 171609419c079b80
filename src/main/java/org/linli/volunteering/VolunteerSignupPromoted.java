package org.linli.volunteering;

import java.time.OffsetDateTime;

/** A place on a recruitment freed up and the head of its waitlist now has it. */
public record VolunteerSignupPromoted(long signupId, long accountId, long recruitmentId, String title,
        String centerCode, OffsetDateTime startsAt) {
}
