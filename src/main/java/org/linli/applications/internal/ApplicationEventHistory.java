package org.linli.applications.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.applications.ApplicationHistory;
import org.linli.applications.ApplicationStatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Replays the application steps of a period from the step log, as the events they raised. */
@Component
class ApplicationEventHistory implements ApplicationHistory {

    private final JdbcClient jdbc;

    ApplicationEventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ApplicationStatusChanged> between(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select e.id, a.id as application_id, a.number, a.applicant_id, a.center_code, a.item_name, e.to_status,
                       e.action, e.reason, a.item_code, a.channel, a.deadline, e.at
                  from application_event e join application a on a.id = e.application_id
                 where e.at >= ? and e.at < ? and e.action <> 'RATE' order by e.id""").params(from, to)
                .query((rs, n) -> new ApplicationStatusChanged(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
                        rs.getObject(13, OffsetDateTime.class)))
                .list();
    }

    @Override
    public List<org.linli.applications.ApplicationRated> ratings(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select e.id, a.id, a.center_code, a.rating, e.at from application_event e
                  join application a on a.id = e.application_id
                 where e.action = 'RATE' and a.rating is not null and e.at >= ? and e.at < ? order by e.id""")
                .params(from, to)
                .query((rs, n) -> new org.linli.applications.ApplicationRated(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getInt(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
