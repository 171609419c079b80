package org.linli.applications;

import java.time.OffsetDateTime;

/** An applicant rated a finished application (1–5 stars); dashboards count the ratings. */
public record ApplicationRated(long eventId, long applicationId, String centerCode, int stars, OffsetDateTime at) {
}
