package org.linli.appointments.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.linli.appointments.AppointmentBooked;
import org.linli.appointments.AppointmentHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Replays the bookings of a period (a moved booking is a new booking, as when it happened; walk-ins are not bookings). */
@Component
class AppointmentEventHistory implements AppointmentHistory {

    private final JdbcClient jdbc;

    AppointmentEventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AppointmentBooked> booked(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select a.id, a.account_id, s.name_zh, s.name_en, c.code, a.starts_at
                  from appointment a join appointment_service s on s.id = a.service_id
                  join center c on c.id = s.center_id
                 where a.status <> 'WALK_IN' and a.starts_at >= ? and a.starts_at < ? order by a.id""")
                .params(from, to)
                .query((rs, n) -> new AppointmentBooked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
