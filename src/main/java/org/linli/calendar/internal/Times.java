package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.linli.calendar.OpeningHours;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;

/** Dates and times from requests: malformed ones are a 400 naming the field; no offset means Asia/Shanghai. */
final class Times {

    private Times() {
    }

    static LocalDate date(String field, String value) {
        return RequestTimes.date(field, value);
    }

    static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField(field, "TIME_INVALID");
        }
    }

    static ZonedDateTime instant(String field, String value) {
        return RequestTimes.moment(field, value).atZoneSameInstant(OpeningHours.ZONE);
    }
}
