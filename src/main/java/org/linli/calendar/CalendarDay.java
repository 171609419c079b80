package org.linli.calendar;

import java.time.LocalDate;

/**
 * @param provisional true when the official calendar for that year is not known yet (Monday–Friday rule)
 */
public record CalendarDay(LocalDate date, DayKind dayKind, String holidayName, boolean provisional) {
}
