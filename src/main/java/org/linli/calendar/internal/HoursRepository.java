package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.linli.calendar.SessionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HoursRepository {

    private final JdbcClient jdbc;

    HoursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Rule(long id, String dayType, SessionKind session, LocalTime opens, LocalTime closes) {
    }

    public record Exception(long id, LocalDate day, SessionKind session, LocalTime opens, LocalTime closes,
            String note) {
        public boolean closed() {
            return session == null;
        }
    }

    public List<Rule> rules(String centerCode, String space) {
        return jdbc.sql("""
                select r.id, r.day_type, r.session, r.opens, r.closes from opening_rule r join center c on c.id = r.center_id
                 where c.code = ? and r.space = ?
                 order by array_position(array['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY',
                          'HOLIDAY'], r.day_type::text), r.opens
                """).params(centerCode, space).query((rs, n) -> new Rule(rs.getLong(1), rs.getString(2),
                SessionKind.valueOf(rs.getString(3)), rs.getObject(4, LocalTime.class),
                rs.getObject(5, LocalTime.class))).list();
    }

    public List<Exception> exceptions(String centerCode, String space, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select e.id, e.day, e.session, e.opens, e.closes, e.note from opening_exception e
                  join center c on c.id = e.center_id
                 where c.code = ? and e.space = ? and e.day between ? and ? order by e.day, e.opens nulls first
                """).params(centerCode, space, from, to).query((rs, n) -> new Exception(rs.getLong(1),
                rs.getObject(2, LocalDate.class), rs.getString(3) == null ? null : SessionKind.valueOf(rs.getString(3)),
                rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class), rs.getString(6))).list();
    }

    public boolean spaceKnown(String centerCode, String space) {
        return jdbc.sql("""
                select exists (select 1 from opening_rule r join center c on c.id = r.center_id where c.code = :c and r.space = :s)
                    or exists (select 1 from opening_exception e join center c on c.id = e.center_id
                                where c.code = :c and e.space = :s)
                """).param("c", centerCode).param("s", space).query(Boolean.class).single();
    }

    public List<String> spaces(String centerCode) {
        return jdbc.sql("""
                select distinct r.space from opening_rule r join center c on c.id = r.center_id
                 where c.code = ? and r.space <> '' order by 1
                """).param(centerCode).query(String.class).list();
    }

    public long addRule(String centerCode, String space, String dayType, SessionKind session, LocalTime opens,
            LocalTime closes) {
        return jdbc.sql("""
                insert into opening_rule (center_id, space, day_type, session, opens, closes)
                values ((select id from center where code = ?), ?, ?, ?, ?, ?) returning id
                """).params(centerCode, space, dayType, session.name(), opens, closes).query(Long.class).single();
    }

    public int deleteRule(String centerCode, long id) {
        return jdbc.sql("delete from opening_rule where id = ? and center_id = (select id from center where code = ?)")
                .params(id, centerCode).update();
    }

    public long addException(String centerCode, String space, LocalDate day, SessionKind session, LocalTime opens,
            LocalTime closes, String note) {
        return jdbc.sql("""
                insert into opening_exception (center_id, space, day, session, opens, closes, note)
                values ((select id from center where code = ?), ?, ?, ?, ?, ?, ?) returning id
                """).params(centerCode, space, day, session == null ? null : session.name(), opens, closes, note)
                .query(Long.class).single();
    }

    public int deleteException(String centerCode, long id) {
        return jdbc.sql("delete from opening_exception where id = ? and center_id = (select id from center where code = ?)")
                .params(id, centerCode).update();
    }
}
