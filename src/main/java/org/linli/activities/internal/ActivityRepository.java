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
            next_waitlist_number, status, family_registration, series_id, volunteers_needed, paid""";

    long insert(String center, String title, String category, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, int capacity, String spaceCode, String streamUrl, OffsetDateTime opensAt,
            OffsetDateTime closesAt, Integer minAge, Integer maxAge, Long createdBy) {
        return insert(center, title, category, description, startsAt, endsAt, capacity, spaceCode, streamUrl, opensAt,
                closesAt, minAge, maxAge, createdBy, new Extras(false, null, 0, null));
    }

    /** What a newer activity may also carry: family registration, its weekly series, volunteers, the suggestion. */
    record Extras(boolean familyRegistration, Long seriesId, int volunteersNeeded, Long suggestionId) {
    }

    long insert(String center, String title, String category, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, int capacity, String spaceCode, String streamUrl, OffsetDateTime opensAt,
            OffsetDateTime closesAt, Integer minAge, Integer maxAge, Long createdBy, Extras extras) {
        return jdbc.sql("""
                insert into activity (center_code, title, category, description, starts_at, ends_at, capacity,
                       space_code, stream_url, registration_opens_at, registration_closes_at, min_age, max_age,
                       created_by, family_registration, series_id, volunteers_needed, suggestion_id)
                values (:center, :title, :category, :description, :startsAt, :endsAt, :capacity, :space, :stream,
                        :opensAt, :closesAt, :minAge, :maxAge, :by, :family, :series, :volunteers, :suggestion)
                returning id
                """)
                .param("center", center).param("title", title).param("category", category)
                .param("description", description).param("startsAt", startsAt).param("endsAt", endsAt)
                .param("capacity", capacity).param("space", spaceCode).param("stream", streamUrl)
                .param("opensAt", opensAt).param("closesAt", closesAt).param("minAge", minAge)
                .param("maxAge", maxAge).param("by", createdBy).param("family", extras.familyRegistration())
                .param("series", extras.seriesId()).param("volunteers", extras.volunteersNeeded())
                .param("suggestion", extras.suggestionId()).query(Long.class).single();
    }

    Optional<Activity> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from activity where id = :id").param("id", id).query(Activity.class)
                .optional();
    }

    /** Which upcoming activities to list: centers, optionally a category, a day range and an attendee's age. */
    record Filter(List<String> centers, String category, OffsetDateTime from, OffsetDateTime until, Integer age) {

        Filter(List<String> centers, String category, OffsetDateTime from) {
            this(centers, category, from, null, null);
        }
    }

    private static final String WHERE = """
             where status = 'PUBLISHED' and ends_at >= :from and center_code in (:centers)
               and (:category = '' or category = :category)
               and (cast(:until as timestamptz) is null or starts_at < cast(:until as timestamptz))
               and (cast(:age as int) is null or ((min_age is null or min_age <= cast(:age as int))
                                              and (max_age is null or max_age >= cast(:age as int))))
            """;

    List<Activity> upcoming(List<String> centers, String category, OffsetDateTime from, int limit, int offset) {
        return upcoming(new Filter(centers, category, from), limit, offset);
    }

    List<Activity> upcoming(Filter filter, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from activity " + WHERE + " order by starts_at, id limit :limit offset :offset")
                .params(params(filter)).param("limit", limit).param("offset", offset).query(Activity.class).list();
    }

    int countUpcoming(List<String> centers, String category, OffsetDateTime from) {
        return countUpcoming(new Filter(centers, category, from));
    }

    int countUpcoming(Filter filter) {
        return jdbc.sql("select count(*) from activity " + WHERE).params(params(filter)).query(Integer.class).single();
    }

    private static java.util.Map<String, Object> params(Filter filter) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("centers", filter.centers());
        params.put("category", filter.category());
        params.put("from", filter.from());
        params.put("until", filter.until());
        params.put("age", filter.age());
        return params;
    }

    void joinSeries(long id, long seriesId) {
        jdbc.sql("update activity set series_id = :s where id = :id").param("s", seriesId).param("id", id).update();
    }

    /** The other activities of a weekly series, in order. */
    List<Activity> series(long seriesId) {
        return jdbc.sql("select " + COLUMNS + " from activity where series_id = :s order by starts_at")
                .param("s", seriesId).query(Activity.class).list();
    }
}
