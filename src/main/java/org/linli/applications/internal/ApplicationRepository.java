package org.linli.applications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ApplicationRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Application> mapper = this::map;

    ApplicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String nextNumber(LocalDate today) {
        long n = jdbc.sql("select nextval('application_number_seq')").query(Long.class).single();
        return String.format("SQ%s%05d", today.toString().replace("-", ""), n);
    }

    long insert(Application a, String formSealed, OffsetDateTime consentAt) {
        return jdbc.sql("""
                insert into application (number, center_code, item_code, item_name, kind, applicant_id, registered_by,
                       consent_at, channel, status, answers, form_sealed, time_limit_value, time_limit_unit)
                values (:number, :center, :item, :itemName, :kind, :applicant, :registeredBy, :consent, :channel,
                        :status, cast(:answers as jsonb), :form, :limitValue, :limitUnit)
                returning id
                """)
                .param("number", a.number()).param("center", a.centerCode()).param("item", a.itemCode())
                .param("itemName", a.itemName()).param("kind", a.kind().name()).param("applicant", a.applicantId())
                .param("registeredBy", a.registeredBy()).param("consent", consentAt).param("channel", a.channel())
                .param("status", a.status().name()).param("answers", json.writeValueAsString(a.answers()))
                .param("form", formSealed).param("limitValue", a.timeLimit().value())
                .param("limitUnit", a.timeLimit().unit().name())
                .query(Long.class).single();
    }

    Optional<Application> find(long id) {
        return jdbc.sql("select * from application where id = :id").param("id", id).query(mapper).optional();
    }

    Optional<Application> lock(long id) {
        return jdbc.sql("select * from application where id = :id for update").param("id", id).query(mapper)
                .optional();
    }

    String formSealed(long id) {
        return jdbc.sql("select form_sealed from application where id = :id").param("id", id).query(String.class)
                .single();
    }

    void update(Application a) {
        jdbc.sql("""
                update application set status = :status, accepted_at = :acceptedAt, deadline = :deadline,
                       paused_since = :pausedSince, paused_from = :pausedFrom, supplement_request = :supplement,
                       upstream_case_number = :caseNumber, upstream_contact = :contact, upstream_result = :result,
                       handover = :handover, completed_at = :completedAt,
                       closed_at = case when :closed then coalesce(closed_at, now()) else null end,
                       rating = :rating, rating_comment = :ratingComment,
                       rated_at = case when :rating::int is not null then coalesce(rated_at, now()) end,
                       version = version + 1, updated_at = now()
                 where id = :id
                """)
                .param("id", a.id()).param("status", a.status().name()).param("acceptedAt", a.acceptedAt())
                .param("deadline", a.deadline()).param("pausedSince", a.pausedSince())
                .param("pausedFrom", a.pausedFrom() == null ? null : a.pausedFrom().name())
                .param("supplement", a.supplementRequest()).param("caseNumber", a.upstreamCaseNumber())
                .param("contact", a.upstreamContact()).param("result", a.upstreamResult())
                .param("handover", a.handover()).param("completedAt", a.completedAt())
                .param("closed", a.status().closed()).param("rating", a.rating())
                .param("ratingComment", a.ratingComment()).update();
    }

    record Event(long id, OffsetDateTime at, Long actorId, String actorKind, String action, String fromStatus,
            String toStatus, String reason, String internalNote) {
    }

    long addEvent(long applicationId, Long actorId, String actorKind, String action, Status from, Status to,
            String reason, String note) {
        return jdbc.sql("""
                insert into application_event (application_id, actor_id, actor_kind, action, from_status, to_status,
                                               reason, internal_note)
                values (:app, :actor, :kind, :action, :from, :to, :reason, :note) returning id
                """)
                .param("app", applicationId).param("actor", actorId).param("kind", actorKind).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("reason", reason)
                .param("note", note).query(Long.class).single();
    }

    List<Event> events(long applicationId) {
        return jdbc.sql("""
                select id, at, actor_id, actor_kind, action, from_status, to_status, reason, internal_note
                  from application_event where application_id = :app order by id
                """).param("app", applicationId).query(Event.class).list();
    }

    record Row(long id, String number, String itemCode, String itemName, String kind, String status,
            OffsetDateTime createdAt, LocalDate deadline, String channel, Integer rating) {
    }

    /** A center's applications for the staff inbox, newest first, filtered. */
    /** The inbox's filters; paused cases (awaiting a supplement) are neither due soon nor overdue. */
    private static final String INBOX_FILTER = """
             where center_code = :center
               and (:status = '' or status = :status)
               and (:item = '' or item_code = :item)
               and (:due = ''
                    or (:due = 'OVERDUE' and deadline < :today and closed_at is null and paused_since is null)
                    or (:due = 'SOON' and deadline between :today and :soon and closed_at is null
                        and paused_since is null))
            """;

    List<Row> inbox(String centerCode, String status, String itemCode, String due, LocalDate today, int limit,
            int offset) {
        return jdbc.sql("""
                select id, number, item_code, item_name, kind, status, created_at, deadline, channel, rating
                  from application
                """ + INBOX_FILTER + """
                 order by case when closed_at is null then 0 else 1 end, deadline nulls last, id desc
                 limit :limit offset :offset
                """)
                .param("center", centerCode).param("status", status).param("item", itemCode).param("due", due)
                .param("today", today).param("soon", today.plusDays(3)).param("limit", limit)
                .param("offset", offset).query(Row.class).list();
    }

    int inboxCount(String centerCode, String status, String itemCode, String due, LocalDate today) {
        return jdbc.sql("""
                select count(*) from application
                """ + INBOX_FILTER)
                .param("center", centerCode).param("status", status).param("item", itemCode).param("due", due)
                .param("today", today).param("soon", today.plusDays(3)).query(Integer.class).single();
    }

    List<Row> mine(long applicantId) {
        return jdbc.sql("""
                select id, number, item_code, item_name, kind, status, created_at, deadline, channel, rating
                  from application where applicant_id = :applicant order by id desc limit 200
                """).param("applicant", applicantId).query(Row.class).list();
    }

    /** Whether a material was uploaded to the application after the moment given. */
    boolean materialSince(long applicationId, OffsetDateTime since) {
        return since != null && jdbc.sql("""
                select count(*) from application_material where application_id = :app and uploaded_at >= :since
                """).param("app", applicationId).param("since", since).query(Integer.class).single() > 0;
    }

    void openFollowUp(long applicationId, String centerCode) {
        jdbc.sql("""
                insert into application_follow_up (application_id, center_code) values (:app, :center)
                on conflict (application_id) do nothing
                """).param("app", applicationId).param("center", centerCode).update();
    }

    record FollowUp(long id, long applicationId, String number, String itemName, Integer rating,
            String ratingComment, String status, OffsetDateTime createdAt) {
    }

    List<FollowUp> followUps(String centerCode) {
        return jdbc.sql("""
                select f.id, f.application_id, a.number, a.item_name, a.rating, a.rating_comment, f.status, f.created_at
                  from application_follow_up f join application a on a.id = f.application_id
                 where f.center_code = :center order by f.status desc, f.id desc limit 100
                """).param("center", centerCode).query(FollowUp.class).list();
    }

    int closeFollowUp(String centerCode, long id, Long actor, String note) {
        return jdbc.sql("""
                update application_follow_up set status = 'DONE', closed_by = :actor, closed_at = now(), note = :note
                 where id = :id and center_code = :center and status = 'OPEN'
                """).param("id", id).param("center", centerCode).param("actor", actor).param("note", note).update();
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        String paused = rs.getString("paused_from");
        Map<String, String> answers = json.readValue(rs.getString("answers"), new TypeReference<Map<String, String>>() {
        });
        return new Application(rs.getLong("id"), rs.getString("number"), rs.getString("center_code"),
                rs.getString("item_code"), rs.getString("item_name"), ItemKind.valueOf(rs.getString("kind")),
                rs.getLong("applicant_id"), (Long) rs.getObject("registered_by"), rs.getString("channel"),
                Status.valueOf(rs.getString("status")), answers,
                new TimeLimit(rs.getInt("time_limit_value"), TimeLimit.Unit.valueOf(rs.getString("time_limit_unit"))),
                rs.getObject("accepted_at", OffsetDateTime.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("paused_since", OffsetDateTime.class), paused == null ? null : Status.valueOf(paused),
                rs.getString("supplement_request"), rs.getString("upstream_case_number"),
                rs.getString("upstream_contact"), rs.getString("upstream_result"), rs.getString("handover"),
                rs.getObject("completed_at", OffsetDateTime.class), (Integer) rs.getObject("rating"),
                rs.getString("rating_comment"), rs.getInt("version"));
    }

    /** When a step was logged (the database's clock, as the history reads it back). */
    OffsetDateTime eventTime(long eventId) {
        return jdbc.sql("select at from application_event where id = ?").param(eventId).query(OffsetDateTime.class)
                .single();
    }
}
