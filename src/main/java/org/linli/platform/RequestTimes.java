package org.linli.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.DateTimeException;

/**
 * Dates and date-times from requests, for every module: ISO 8601, an omitted offset read as
 * Asia/Shanghai; anything else is a 400 naming the field.
 */
public final class RequestTimes {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RequestTimes() {
    }

    /** Years outside this range are typing mistakes, and some would not fit PostgreSQL's timestamps. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;

    public static LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value == null ? "" : value.trim());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw LinliException.invalidField(field, "DATE_INVALID", field);
            }
            return date;
        } catch (DateTimeException e) {
            throw LinliException.invalidField(field, "DATE_INVALID", field);
        }
    }

    /** A moment; blank gives now. */
    public static OffsetDateTime moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.now(ZONE);
        }
        String text = value.trim();
        OffsetDateTime moment;
        try {
            moment = OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toOffsetDateTime();
        } catch (DateTimeException withoutOffset) {
            try {
                moment = LocalDateTime.parse(text).atZone(ZONE).toOffsetDateTime();
            } catch (DateTimeException e) {
                throw LinliException.invalidField(field, "DATE_TIME_INVALID", field);
            }
        }
        if (moment.getYear() < FIRST_YEAR || moment.getYear() > LAST_YEAR) {
            throw LinliException.invalidField(field, "DATE_TIME_INVALID", field);
        }
        return moment;
    }
}
