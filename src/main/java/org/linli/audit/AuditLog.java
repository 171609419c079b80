package org.linli.audit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends to the audit log in the caller's transaction, and reads it for a set of centers. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the event and returns its id. */
    public long record(AuditEvent event) {
        return jdbc.sql("""
                insert into audit_event (actor_id, actor_label, action, subject, center_id, client_ip, detail)
                values (?, ?, ?, ?, (select id from center where code = ?), ?, ?) returning id
                """)
                .params(event.actorId(), event.actorLabel(), event.action(), event.subject(), event.centerCode(),
                        event.clientIp(), event.detail())
                .query(Long.class).single();
    }

    /** Entries about one subject with one of the actions, newest first (e.g. who looked at my record). */
    public List<Entry> about(String subject, Collection<String> actions) {
        return jdbc.sql(SELECT + " where e.subject = :subject and e.action = any(:actions) order by e.id desc limit 500")
                .param("subject", subject).param("actions", actions.toArray(String[]::new))
                .query(AuditLog::map).list();
    }

    /** Everything an account did, newest first (for the person's own data export). */
    public List<Entry> byActor(long actorId, int limit) {
        return jdbc.sql(SELECT + " where e.actor_id = :actor order by e.id desc limit :limit")
                .param("actor", actorId).param("limit", limit).query(AuditLog::map).list();
    }

    /**
     * A page of entries, newest first. {@code centerCodes} null means every entry (the district's
     * auditor); otherwise only entries of those centers.
     */
    public List<Entry> page(Collection<String> centerCodes, int page, int size) {
        return page(centerCodes, null, page, size);
    }

    /** The same, from a day back: only entries on or before {@code until} (Beijing time); null for no limit. */
    public List<Entry> page(Collection<String> centerCodes, java.time.LocalDate until, int page, int size) {
        String where = " where (cast(:before as timestamptz) is null or e.at < cast(:before as timestamptz))"
                + (centerCodes == null ? "" : " and c.code = any(:codes)");
        var spec = jdbc.sql(SELECT + where + " order by e.id desc limit :limit offset :offset")
                .param("before", until == null ? null
                        : until.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime())
                .param("limit", size).param("offset", (long) Math.min(page, 100_000) * size);
        if (centerCodes != null) {
            spec = spec.param("codes", centerCodes.toArray(String[]::new));
        }
        return spec.query(AuditLog::map).list();
    }

    private static final String SELECT = """
            select e.id, e.at, e.actor_id, e.actor_label, e.action, e.subject, c.code as center_code, e.client_ip, e.detail
              from audit_event e left join center c on c.id = e.center_id
            """;

    private static Entry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), (Long) rs.getObject("actor_id"),
                rs.getString("actor_label"), rs.getString("action"), rs.getString("subject"),
                rs.getString("center_code"), rs.getString("client_ip"), rs.getString("detail"));
    }

    public record Entry(long id, OffsetDateTime at, Long actorId, String actorLabel, String action, String subject,
            String centerCode, String clientIp, String detail) {
    }
}
