package org.linli.activities;

import java.time.LocalDate;

/** Someone checked in at a study room (a visitor dashboards count). */
public record StudyRoomVisited(long visitId, String centerCode, LocalDate day) {
}
