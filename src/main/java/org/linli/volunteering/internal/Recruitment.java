package org.linli.volunteering.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A recruitment with its live counts. */
record Recruitment(long id, String centerCode, String title, String description, String place,
        OffsetDateTime startsAt, OffsetDateTime endsAt, int needed, int confirmed, int waitlisted,
        List<String> skills, Integer minAge, boolean dangerous, Long activityId, Long teamId, String status) {

    public boolean full() {
        return confirmed >= needed;
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
