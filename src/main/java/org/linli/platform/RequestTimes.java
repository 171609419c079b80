package org.linli.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Dates and date-times from requests, for every module: ISO 8601, an omitted offset read as
 * Asia/Shanghai; anything else is a 400 naming the field.
 */
public final class RequestTimes {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RequestTimes() {
    }

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField(field, "DATE_INVALID", field);
        }
    }

    /** A moment; blank gives now. */
    public static OffsetDateTime moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.now(ZONE);
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw LinliException.invalidField(field, "DATE_TIME_INVALID", field);
            }
        }
    }
}
