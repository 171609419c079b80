package org.linli.applications;

/**
 * An application moved to a new status (or a step was recorded on it): the applicant is told.
 * {@code eventId} is unique per step, so a redelivered event is delivered once.
 */
public record ApplicationStatusChanged(long eventId, long applicationId, String number, long applicantId,
        String centerCode, String itemName, String status, String action, String reason, String itemCode,
        String channel, java.time.LocalDate deadline, java.time.OffsetDateTime at) {
}
