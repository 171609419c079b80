package org.linli.activities;

import java.time.LocalDate;

/** Someone was checked in at an activity's door (a person-time dashboards count). */
public record AttendanceRecorded(long registrationId, long activityId, String centerCode, LocalDate day) {
}
