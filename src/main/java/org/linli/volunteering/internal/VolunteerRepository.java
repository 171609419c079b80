package org.linli.volunteering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class VolunteerRepository {

    static final String COLUMNS = """
            id, person_id, account_id, guardian_account_id, guardian_consent_at, number, center_code, birth_date,
            skills::text, languages::text, availability::text, service_areas::text, emergency_name_enc,
            emergency_phone_enc, org_id, team_id, status, registered_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VolunteerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Volunteer map(ResultSet rs, int n) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getLong("person_id"), (Long) rs.getObject("account_id"),
                (Long) rs.getObject("guardian_account_id"), rs.getObject("guardian_consent_at", OffsetDateTime.class),
                rs.getString("number"), rs.getString("center_code"), rs.getObject("birth_date", LocalDate.class),
                list(rs.getString("skills")), list(rs.getString("languages")), list(rs.getString("availability")),
                list(rs.getString("service_areas")), rs.getString("emergency_name_enc"),
                rs.getString("emergency_phone_enc"), (Long) rs.getObject("org_id"), (Long) rs.getObject("team_id"),
                rs.getString("status"), rs.getObject("registered_at", OffsetDateTime.class));
    }

    private List<String> list(String array) {
        return List.of(json.readValue(array, String[].class));
    }

    String array(List<String> values) {
        return json.writeValueAsString(values == null ? List.of() : values);
    }

    Optional<Volunteer> byAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where account_id = ?").param(accountId)
                .query(this::map).optional();
    }

    Optional<Volunteer> byPerson(long personId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where person_id = ?").param(personId)
                .query(this::map).optional();
    }

    Optional<Volunteer> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where id = ?").param(id).query(this::map).optional();
    }

    /** The volunteers a guardian registered or consented for (their minor children). */
    List<Volunteer> ofGuardian(long guardianAccountId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where guardian_account_id = ? order by id")
                .param(guardianAccountId).query(this::map).list();
    }

    String nextNumber(LocalDate today) {
        long n = jdbc.sql("select nextval('volunteer_number_seq')").query(Long.class).single();
        return "GD%d%06d".formatted(today.getYear(), n);
    }
}
