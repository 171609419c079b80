package org.linli.activities.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String COLUMNS = """
            id, center_code, title, category, description, starts_at, ends_at, capacity, space_code, stream_url,
            registration_opens_at, registration_closes_at, min_age, max_age, confirmed, waitlisted,
            next_waitlist_number, status""";

    long insert(String center, String title, String category, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, int capacity, String spaceCode, String streamUrl, OffsetDateTime opensAt,
            OffsetDateTime closesAt, Integer minAge, Integer maxAge, Long createdBy) {
        return jdbc.sql("""
                insert into activity (center_code, title, category, description, starts_at, ends_at, capacity,
                       space_code, stream_url, registration_opens_at, registration_closes_at, min_age, max_age,
                       created_by)
                values (:center, :title, :category, :description, :startsAt, :endsAt, :capacity, :space, :stream,
                        :opensAt, :closesAt, :minAge, :maxAge, :by)
                returning id
                """)
                .param("center", center).param("title", title).param("category", category)
                .param("description", description).param("startsAt", startsAt).param("endsAt", endsAt)
                .param("capacity", capacity).param("space", spaceCode).param("stream", streamUrl)
                .param("opensAt", opensAt).param("closesAt", closesAt).param("minAge", minAge)
                .param("maxAge", maxAge).param("by", createdBy).query(Long.class).single();
    }

    Optional<Activity> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from activity where id = :id").param("id", id).query(Activity.class)
                .optional();
    }

    List<Activity> upcoming(List<String> centers, String category, OffsetDateTime from, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + """
                 from activity
                 where status = 'PUBLISHED' and ends_at >= :from and center_code in (:centers)
                   and (:category = '' or category = :category)
                 order by starts_at, id limit :limit offset :offset
                """).param("from", from).param("centers", centers).param("category", category)
                .param("limit", limit).param("offset", offset).query(Activity.class).list();
    }

    int countUpcoming(List<String> centers, String category, OffsetDateTime from) {
        return jdbc.sql("""
                select count(*) from activity
                 where status = 'PUBLISHED' and ends_at >= :from and center_code in (:centers)
                   and (:category = '' or category = :category)
                """).param("from", from).param("centers", centers).param("category", category)
                .query(Integer.class).single();
    }
}
