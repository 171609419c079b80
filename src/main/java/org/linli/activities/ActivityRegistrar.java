package org.linli.activities;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Registering for an activity on behalf of another capability (a course paid with points): the same
 * rules and database-held places as a resident's own registration, joining the caller's transaction so
 * that registering and paying commit or fail together.
 */
public interface ActivityRegistrar {

    record Facts(long id, String centerCode, String title, OffsetDateTime startsAt, int capacity, int confirmed,
            boolean published) {
    }

    Optional<Facts> facts(long activityId);

    /** Upcoming published activities of a center, soonest first. */
    List<Facts> upcomingAt(String centerCode);

    /** Registers the account holder: CONFIRMED or WAITLISTED; refusals are LinliExceptions. */
    String register(long activityId, long accountId);

    /** Cancels the account holder's registration (promoting the head of the waitlist). */
    void cancel(long activityId, long accountId);

    /** From now on residents register only through the payment (a course paid with points). */
    void markPaid(long activityId);
}
