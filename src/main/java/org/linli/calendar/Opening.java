package org.linli.calendar;

import java.time.OffsetDateTime;

/**
 * Whether a center (or space) is open at a moment.
 *
 * @param session  the session it is in, null when closed
 * @param nextOpen the next moment after it when it goes from closed to open (back-to-back sessions are
 *                 one stretch), or null when nothing opens within two weeks
 */
public record Opening(boolean open, SessionKind session, DayKind dayKind, OffsetDateTime nextOpen) {
}
