package org.linli.calendar;

import java.util.List;

/** One day's sessions with the calendar's word on the day; {@code exception} when a single-date change applies. */
public record DaySchedule(CalendarDay day, List<Session> sessions, boolean exception, String note) {

    public boolean closed() {
        return sessions.isEmpty();
    }
}
