package org.linli.volunteering;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Staff confirmed a service record. Raised once per record in the confirming transaction (and kept in
 * the event publication registry until every listener has processed it); listeners key their work on
 * {@code serviceRecordId}, so a redelivery changes nothing.
 *
 * @param accountId the volunteer's account (null for a child registered by a guardian)
 */
public record ServiceHoursRecorded(long serviceRecordId, long volunteerId, Long accountId, String centerCode,
        int netMinutes, LocalDate serviceDate, OffsetDateTime startedAt, OffsetDateTime endedAt) {
}
