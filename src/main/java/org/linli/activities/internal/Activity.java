package org.linli.activities.internal;

import java.time.OffsetDateTime;

/** An activity as stored, with its live counts. */
record Activity(long id, String centerCode, String title, String category, String description,
        OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, String spaceCode, String streamUrl,
        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, Integer minAge, Integer maxAge,
        int confirmed, int waitlisted, long nextWaitlistNumber, String status, boolean familyRegistration, Long seriesId,
        int volunteersNeeded, boolean paid) {

    enum Category {
        CHILDREN, ELDERLY, FAMILY, CULTURE_SPORTS, TRAINING, LIVE_STREAM
    }

    public boolean full() {
        return confirmed >= capacity;
    }
}
