package org.linli.volunteering;

/** An approved correction changed a confirmed record's net minutes (from previous to now). */
public record ServiceHoursCorrected(long serviceRecordId, long correctionId, long volunteerId, Long accountId,
        String centerCode, int previousMinutes, java.time.OffsetDateTime previousStartedAt, int netMinutes,
        java.time.OffsetDateTime startedAt) {
}
