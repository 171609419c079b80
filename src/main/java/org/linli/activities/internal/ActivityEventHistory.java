package org.linli.activities.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.activities.ActivityHistory;
import org.linli.activities.ActivityPublished;
import org.linli.activities.AttendanceRecorded;
import org.linli.activities.StudyRoomVisited;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Replays the activities module's events of a period from its tables. */
@Component
class ActivityEventHistory implements ActivityHistory {

    private final JdbcClient jdbc;

    ActivityEventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActivityPublished> published(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select id, center_code, title, starts_at, ends_at, volunteers_needed from activity
                 where starts_at >= ? and starts_at < ? order by id""").params(from, to)
                .query((rs, n) -> new ActivityPublished(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getInt(6)))
                .list();
    }

    @Override
    public List<AttendanceRecorded> attendance(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select r.id, r.activity_id, a.center_code, r.checked_in_at from activity_registration r
                  join activity a on a.id = r.activity_id
                 where r.checked_in_at >= ? and r.checked_in_at < ? order by r.id""").params(from, to)
                .query((rs, n) -> new AttendanceRecorded(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        day(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    @Override
    public List<StudyRoomVisited> studyRoomVisits(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select v.id, s.center_code, v.checked_in_at from space_visit v join space s on s.id = v.space_id
                 where v.checked_in_at >= ? and v.checked_in_at < ? order by v.id""").params(from, to)
                .query((rs, n) -> new StudyRoomVisited(rs.getLong(1), rs.getString(2),
                        day(rs.getObject(3, OffsetDateTime.class))))
                .list();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(RequestTimes.ZONE).toLocalDate();
    }
}
