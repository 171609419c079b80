package org.linli.platform;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An RFC 5545 calendar file for one event (an appointment, an activity) or several (duties). Times are in UTC (no TZID, so no VTIMEZONE is
 * needed and every calendar program shows the right local hour); text is escaped and lines are
 * folded at 75 octets without splitting a UTF-8 character.
 */
public final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private CalendarFile() {
    }

    /** An event of a calendar file; {@code uid} must be unique and stable (e.g. activity-12). */
    public record Event(String uid, OffsetDateTime startsAt, OffsetDateTime endsAt, String summary, String location,
            String description) {
    }

    /** One event with a reminder an hour before. */
    public static String event(String uid, OffsetDateTime startsAt, OffsetDateTime endsAt, String summary,
            String location, String description) {
        return calendar(java.util.List.of(new Event(uid, startsAt, endsAt, summary, location, description)));
    }

    /** Several events (a feed of duties), each with a reminder an hour before. */
    public static String calendar(java.util.List<Event> events) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Linli//Linli//ZH");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        for (Event e : events) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + e.uid() + "@linli");
            line(ics, "DTSTAMP:" + utc(OffsetDateTime.now()));
            line(ics, "DTSTART:" + utc(e.startsAt()));
            line(ics, "DTEND:" + utc(e.endsAt()));
            line(ics, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null) {
                line(ics, "LOCATION:" + escape(e.location()));
            }
            if (e.description() != null) {
                line(ics, "DESCRIPTION:" + escape(e.description()));
            }
            line(ics, "BEGIN:VALARM");
            line(ics, "ACTION:DISPLAY");
            line(ics, "DESCRIPTION:" + escape(e.summary()));
            line(ics, "TRIGGER:-PT1H");
            line(ics, "END:VALARM");
            line(ics, "END:VEVENT");
        }
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
