package org.linli.calendar;

/** What kind of day a date is on the official calendar; the calendar wins over the weekday. */
public enum DayKind {
    WORKDAY, WEEKEND, HOLIDAY, ADJUSTED_WORKDAY;

    public boolean working() {
        return this == WORKDAY || this == ADJUSTED_WORKDAY;
    }
}
