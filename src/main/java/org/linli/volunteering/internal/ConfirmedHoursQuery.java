package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.volunteering.ConfirmedHours;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class ConfirmedHoursQuery implements ConfirmedHours, org.linli.volunteering.ServiceHistory {

    private final JdbcClient jdbc;

    ConfirmedHoursQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CONFIRMED = """
            select r.id, r.volunteer_id, v.account_id, r.center_code, r.net_minutes, r.service_date, r.started_at,
                   r.ended_at
              from service_record r join volunteer v on v.id = r.volunteer_id
             where r.status = 'CONFIRMED'""";

    private static ServiceHoursRecorded event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ServiceHoursRecorded(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
                rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class));
    }

    @Override
    public List<ServiceHoursRecorded> confirmedAt(String centerCode) {
        return jdbc.sql(CONFIRMED + " and r.center_code = ? order by r.confirmed_at, r.id").param(centerCode)
                .query(ConfirmedHoursQuery::event).list();
    }

    @Override
    public List<ServiceHoursRecorded> confirmed(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(CONFIRMED + " and r.started_at >= ? and r.started_at < ? order by r.id").params(from, to)
                .query(ConfirmedHoursQuery::event).list();
    }

    @Override
    public List<org.linli.volunteering.RecruitmentPublished> recruitments(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select id, center_code, title, starts_at, place, needed from recruitment
                 where status <> 'CANCELLED' and starts_at >= ? and starts_at < ? order by id""").params(from, to)
                .query((rs, n) -> new org.linli.volunteering.RecruitmentPublished(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), null,
                        List.of(), List.of()))
                .list();
    }

    @Override
    public List<org.linli.volunteering.RecruitmentFilled> filled(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select id, center_code, starts_at, created_at, filled_at from recruitment
                 where status <> 'CANCELLED' and filled_at is not null and starts_at >= ? and starts_at < ?
                 order by id""").params(from, to)
                .query((rs, n) -> new org.linli.volunteering.RecruitmentFilled(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
