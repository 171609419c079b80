package org.linli.platform;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An RFC 5545 calendar file for one event (an appointment, an activity). Times are in UTC (no TZID, so no VTIMEZONE is
 * needed and every calendar program shows the right local hour); text is escaped and lines are
 * folded at 75 octets without splitting a UTF-8 character.
 */
public final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private CalendarFile() {
    }

    /** One event with a reminder an hour before; {@code uid} must be unique and stable (e.g. activity-12). */
    public static String event(String uid, OffsetDateTime startsAt, OffsetDateTime endsAt, String summary,
            String location, String description) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Linli//Linli//ZH");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid + "@linli");
        line(ics, "DTSTAMP:" + utc(OffsetDateTime.now()));
        line(ics, "DTSTART:" + utc(startsAt));
        line(ics, "DTEND:" + utc(endsAt));
        line(ics, "SUMMARY:" + escape(summary));
        if (location != null) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (description != null) {
            line(ics, "DESCRIPTION:" + escape(description));
        }
        line(ics, "BEGIN:VALARM");
        line(ics, "ACTION:DISPLAY");
        line(ics, "DESCRIPTION:" + escape(summary));
        line(ics, "TRIGGER:-PT1H");
        line(ics, "END:VALARM");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String utc(OffsetDateTime time) {
        return UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\r", "\\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
