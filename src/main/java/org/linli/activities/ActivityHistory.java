package org.linli.activities;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The activities module's events as they would have been published, re-derived from its records for a
 * period (published activities by start, attendance and study-room visits by check-in). Read models
 * rebuild themselves from these.
 */
public interface ActivityHistory {

    List<ActivityPublished> published(OffsetDateTime from, OffsetDateTime to);

    List<AttendanceRecorded> attendance(OffsetDateTime from, OffsetDateTime to);

    List<StudyRoomVisited> studyRoomVisits(OffsetDateTime from, OffsetDateTime to);
}
