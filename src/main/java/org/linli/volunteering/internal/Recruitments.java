package org.linli.volunteering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.volunteering.RecruitmentPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff post a recruitment; within the same transaction the volunteers it suits are chosen and the
 * announcement is handed to the event outbox (in-app, SMS, the team's WeCom group robot).
 */
@Service
class Recruitments {

    record NewRecruitment(String title, String description, String place, String startsAt, String endsAt,
            Integer needed, List<String> skills, Integer minAge, Boolean dangerous, Long activityId, String teamCode) {
    }

    static final String COLUMNS = """
            id, center_code, title, description, place, starts_at, ends_at, needed, confirmed, waitlisted,
            skills::text as skills, min_age, dangerous, activity_id, team_id, status""";

    private final JdbcClient jdbc;
    private final Centers centers;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final VolunteerRepository volunteers;

    Recruitments(JdbcClient jdbc, Centers centers, JsonMapper json, ApplicationEventPublisher events,
            VolunteerRepository volunteers) {
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.centers = centers;
        this.json = json;
        this.events = events;
    }

    Recruitment map(ResultSet rs, int n) throws SQLException {
        return new Recruitment(rs.getLong("id"), rs.getString("center_code"), rs.getString("title"),
                rs.getString("description"), rs.getString("place"), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), rs.getInt("needed"), rs.getInt("confirmed"),
                rs.getInt("waitlisted"), List.of(json.readValue(rs.getString("skills"), String[].class)),
                (Integer) rs.getObject("min_age"), rs.getBoolean("dangerous"), (Long) rs.getObject("activity_id"),
                (Long) rs.getObject("team_id"), rs.getString("status"));
    }

    @Transactional
    Recruitment publish(String centerCode, NewRecruitment in, Long actor) {
        centers.require(centerCode);
        String title = PlainText.check("title", in.title(), 100);
        if (title == null) {
            throw LinliException.invalidField("title", "RECRUITMENT_TITLE_REQUIRED");
        }
        OffsetDateTime starts = required("startsAt", in.startsAt());
        OffsetDateTime ends = required("endsAt", in.endsAt());
        if (!ends.isAfter(starts)) {
            throw LinliException.invalidField("endsAt", "ACTIVITY_ENDS_BEFORE_START");
        }
        if (!starts.isAfter(OffsetDateTime.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("startsAt", "RECRUITMENT_IN_PAST");
        }
        if (in.needed() == null || in.needed() < 1 || in.needed() > 1000) {
            throw LinliException.invalidField("needed", "RECRUITMENT_NEEDED_RANGE", 1, 1000);
        }
        if (in.minAge() != null && (in.minAge() < 14 || in.minAge() > 100)) {
            throw LinliException.invalidField("minAge", "RECRUITMENT_AGE_RANGE", 14, 100);
        }
        Long team = null;
        if (in.teamCode() != null && !in.teamCode().isBlank()) {
            team = jdbc.sql("select id from volunteer_team where code = ? and center_code = ?")
                    .params(in.teamCode(), centerCode).query(Long.class).optional()
                    .orElseThrow(() -> LinliException.invalidField("teamCode", "TEAM_NOT_FOUND", in.teamCode()));
        }
        long id = jdbc.sql("""
                insert into recruitment (center_code, title, description, place, starts_at, ends_at, needed, skills,
                       min_age, dangerous, activity_id, team_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
                .params(centerCode, title, PlainText.check("description", in.description(), 2000),
                        PlainText.check("place", in.place(), 100), starts, ends, in.needed(),
                        json.writeValueAsString(Volunteers.words("skills", in.skills())), in.minAge(),
                        Boolean.TRUE.equals(in.dangerous()), in.activityId(), team, actor)
                .query(Long.class).single();
        Recruitment r = find(id).orElseThrow();
        events.publishEvent(new RecruitmentPublished(id, centerCode, title, starts, r.place(), r.needed(),
                "/recruitments/" + id, suitedAccounts(r), webhooks(r)));
        return r;
    }

    private static OffsetDateTime required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LinliException.invalidField(field, "ACTIVITY_TIME_REQUIRED");
        }
        return RequestTimes.moment(field, value);
    }

    Optional<Recruitment> forActivity(long activityId) {
        return jdbc.sql("select " + COLUMNS + " from recruitment where activity_id = ?").param(activityId)
                .query(this::map).optional();
    }

    Optional<Recruitment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from recruitment where id = ?").param(id).query(this::map).optional();
    }

    List<Recruitment> upcoming(List<String> centerCodes, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from recruitment where status = 'OPEN' and ends_at > now() "
                + "and center_code in (:c) order by starts_at, id limit :l offset :o")
                .param("c", centerCodes).param("l", limit).param("o", offset).query(this::map).list();
    }

    int countUpcoming(List<String> centerCodes) {
        return jdbc.sql("select count(*) from recruitment where status = 'OPEN' and ends_at > now() "
                + "and center_code in (:c)").param("c", centerCodes).query(Integer.class).single();
    }

    List<Recruitment> ofCenter(String centerCode, OffsetDateTime from, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from recruitment where center_code = :c and ends_at > :from "
                + "order by starts_at desc, id desc limit :l offset :o")
                .param("c", centerCode).param("from", from).param("l", limit).param("o", offset).query(this::map)
                .list();
    }

    /**
     * Why this volunteer may not serve on this recruitment, or null: minors need their guardian's consent
     * first and are never offered dangerous tasks; a minimum age is checked on the day.
     */
    static String refusal(Recruitment r, Volunteer v) {
        if ("PENDING_CONSENT".equals(v.status())) {
            return "GUARDIAN_CONSENT_REQUIRED";
        }
        if (!v.active()) {
            return "VOLUNTEER_NOT_ACTIVE";
        }
        int age = v.ageOn(r.startsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalDate());
        if (r.dangerous() && age < 18) {
            return "MINOR_DANGEROUS_TASK";
        }
        if (r.minAge() != null && age < r.minAge()) {
            return "VOLUNTEER_TOO_YOUNG";
        }
        return null;
    }

    /** The accounts to tell: active volunteers of the center or of its team(s) who may serve and have a skill asked. */
    List<Long> suitedAccounts(Recruitment r) {
        List<Volunteer> candidates = jdbc.sql("select " + VolunteerRepository.COLUMNS + " " + """
                 from volunteer v where v.status = 'ACTIVE'
                  and (v.center_code = ? or v.team_id in (select id from volunteer_team where center_code = ?)
                       or v.org_id in (select id from partner_org where center_code = ?))""")
                .params(r.centerCode(), r.centerCode(), r.centerCode())
                .query(volunteers::map).list();
        List<Long> accounts = new ArrayList<>();
        for (Volunteer v : candidates) {
            if (refusal(r, v) != null || (r.teamId() != null && !r.teamId().equals(v.teamId()))) {
                continue;
            }
            if (!r.skills().isEmpty() && v.skills().stream().noneMatch(r.skills()::contains)) {
                continue;
            }
            Long to = v.accountId() != null ? v.accountId() : v.guardianAccountId();
            if (to != null && !accounts.contains(to)) {
                accounts.add(to);
            }
        }
        return accounts;
    }

    private List<String> webhooks(Recruitment r) {
        return jdbc.sql("""
                select webhook_url from volunteer_team
                 where webhook_url is not null and center_code = ? and (cast(? as bigint) is null or id = ?)
                 order by id""").params(r.centerCode(), r.teamId(), r.teamId()).query(String.class).list();
    }
}
