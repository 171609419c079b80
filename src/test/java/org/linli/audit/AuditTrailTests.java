package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.testsupport.Api.assertCode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail the rules ask for: sign-ins, role changes, looks at sensitive records and exports are
 * written; entries older than six months are still there and the auditor reads them; nobody can change
 * or remove one, not even with SQL.
 */
@LinliWebTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    List<String> actions(JsonNode page) {
        return page.get("entries").valueStream().map(e -> e.get("action").asString() + " " + e.get("subject")
                .asString("")).toList();
    }

    @Test
    void anExportIsAuditedAndTheAuditorReadsEntriesOlderThanSixMonths() {
        String admin = api().token("jinma-center-admin");
        assertThat(api().http().bytes(api().http().request("/api/v1/centers/jinma/dashboard/summary.xlsx")
                .header("Authorization", "Bearer " + admin).build()).statusCode()).isEqualTo(200);
        String auditor = api().token("auditor");
        JsonNode recent = Http.json(api().get("/api/v1/centers/jinma/audit?size=200", auditor));
        assertThat(actions(recent)).contains("EXPORTED /api/v1/centers/jinma/dashboard/summary.xlsx");
        assertThat(actions(Http.json(api().get("/api/v1/audit?size=200", auditor))))
                .anyMatch(a -> a.startsWith("SIGN_IN"));

        // an entry from seven months ago, as the log would hold it
        LocalDate sevenMonthsAgo = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(7);
        jdbc.sql("""
                insert into audit_event (at, actor_label, action, subject, center_id, detail)
                values (?, 'jinma-staff01', 'ID_NUMBER_REVEALED', 'person:old', (select id from center where code = 'jinma'),
                        '核对低保申请')""")
                .param(sevenMonthsAgo.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime()).update();
        JsonNode old = Http.json(api().get("/api/v1/audit?until=" + sevenMonthsAgo + "&size=10", auditor));
        assertThat(actions(old)).contains("ID_NUMBER_REVEALED person:old");
        assertThat(old.get("entries").valueStream().map(e -> e.get("at").asString()))
                .allMatch(at -> at.compareTo(sevenMonthsAgo.plusDays(1).toString()) < 0);
        assertCode(api().get("/api/v1/audit?until=yesterday", auditor), 400, "DATE_INVALID");
        assertCode(api().get("/api/v1/audit", admin), 403, "FORBIDDEN");
    }

    @Test
    void noEntryCanBeChangedOrRemoved() {
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'NOTHING' where id = (select min(id) from audit_event)")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = (select min(id) from audit_event)")
                .update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }
}
