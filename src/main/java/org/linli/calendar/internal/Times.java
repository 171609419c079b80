package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.linli.calendar.OpeningHours;
import org.linli.platform.LinliException;

/** Dates and times from requests: malformed ones are a 400 naming the field; no offset means Asia/Shanghai. */
final class Times {

    private Times() {
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField(field, "DATE_INVALID", field);
        }
    }

    static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField(field, "TIME_INVALID");
        }
    }

    static ZonedDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return ZonedDateTime.now(OpeningHours.ZONE);
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(OpeningHours.ZONE);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(OpeningHours.ZONE);
            } catch (DateTimeParseException e) {
                throw LinliException.invalidField(field, "DATE_TIME_INVALID", field);
            }
        }
    }
}
