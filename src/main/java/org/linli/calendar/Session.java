package org.linli.calendar;

import java.time.LocalTime;

/** One stretch of opening on one day, [opens, closes). */
public record Session(SessionKind kind, LocalTime opens, LocalTime closes) {

    public Session {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("A session opens before it closes");
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
