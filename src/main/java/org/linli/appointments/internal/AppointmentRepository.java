package org.linli.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppointmentRepository {

    private static final String SERVICE = """
            select s.id, c.code as center_code, s.code, s.name_zh, s.name_en, s.kind, s.space, s.slot_minutes, s.capacity
              from appointment_service s join center c on c.id = s.center_id
            """;
    private static final String APPOINTMENT = """
            select a.id as appointment_id, a.starts_at, a.ends_at, a.account_id, a.walk_in_name, a.status,
                   s.id, c.code as center_code, s.code, s.name_zh, s.name_en, s.kind, s.space, s.slot_minutes, s.capacity
              from appointment a join appointment_service s on s.id = a.service_id join center c on c.id = s.center_id
            """;

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AppointmentService> services(String centerCode) {
        return jdbc.sql(SERVICE + " where c.code = ? order by s.id").param(centerCode)
                .query(AppointmentRepository::service).list();
    }

    Optional<AppointmentService> service(String centerCode, String code) {
        return jdbc.sql(SERVICE + " where c.code = ? and s.code = ?").params(centerCode, code)
                .query(AppointmentRepository::service).optional();
    }

    long addService(String centerCode, String code, String nameZh, String nameEn, String kind, String space,
            int slotMinutes, int capacity) {
        return jdbc.sql("""
                insert into appointment_service (center_id, code, name_zh, name_en, kind, space, slot_minutes, capacity)
                values ((select id from center where code = ?), ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(centerCode, code, nameZh, nameEn, kind, space, slotMinutes, capacity).query(Long.class)
                .single();
    }

    /** Booked counts of the service's slots in [from, to). */
    java.util.Map<OffsetDateTime, Integer> booked(long serviceId, OffsetDateTime from, OffsetDateTime to) {
        java.util.Map<OffsetDateTime, Integer> booked = new java.util.HashMap<>();
        jdbc.sql("select starts_at, booked from appointment_slot where service_id = ? and starts_at >= ? and starts_at < ?")
                .params(serviceId, from, to).query(rs -> {
                    booked.put(rs.getObject(1, OffsetDateTime.class).toInstant().atOffset(java.time.ZoneOffset.UTC),
                            rs.getInt(2));
                });
        return booked;
    }

    /** Takes a place in the slot if one is free; false when it is full. Safe under any concurrency. */
    boolean takePlace(long serviceId, OffsetDateTime start, int capacity) {
        jdbc.sql("insert into appointment_slot (service_id, starts_at, capacity) values (?, ?, ?) on conflict do nothing")
                .params(serviceId, start, capacity).update();
        return jdbc.sql("""
                update appointment_slot set booked = booked + 1
                 where service_id = ? and starts_at = ? and booked < capacity
                """).params(serviceId, start).update() == 1;
    }

    void releasePlace(long serviceId, OffsetDateTime start) {
        jdbc.sql("update appointment_slot set booked = booked - 1 where service_id = ? and starts_at = ? and booked > 0")
                .params(serviceId, start).update();
    }

    long insert(long serviceId, OffsetDateTime start, OffsetDateTime end, Long accountId, String walkInName,
            String status) {
        return jdbc.sql("""
                insert into appointment (service_id, starts_at, ends_at, account_id, walk_in_name, status)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(serviceId, start, end, accountId, walkInName, status).query(Long.class).single();
    }

    void cancel(long id) {
        jdbc.sql("update appointment set status = 'CANCELLED', cancelled_at = now() where id = ?").param(id).update();
    }

    Optional<Appointment> find(long id) {
        return jdbc.sql(APPOINTMENT + " where a.id = ?").param(id).query(AppointmentRepository::appointment).optional();
    }

    Optional<Appointment> lockOwn(long id, long accountId) {
        return jdbc.sql(APPOINTMENT + " where a.id = ? and a.account_id = ? for update of a").params(id, accountId)
                .query(AppointmentRepository::appointment).optional();
    }

    boolean holds(long serviceId, OffsetDateTime start, long accountId) {
        return jdbc.sql("""
                select exists (select 1 from appointment where service_id = ? and starts_at = ? and account_id = ?
                               and status = 'BOOKED')
                """).params(serviceId, start, accountId).query(Boolean.class).single();
    }

    int futureBookings(long accountId) {
        return jdbc.sql("select count(*) from appointment where account_id = ? and status = 'BOOKED' and starts_at > now()")
                .param(accountId).query(Integer.class).single();
    }

    List<Appointment> mine(long accountId) {
        return jdbc.sql(APPOINTMENT + " where a.account_id = ? and a.status = 'BOOKED' and a.ends_at > now() order by a.starts_at")
                .param(accountId).query(AppointmentRepository::appointment).list();
    }

    List<Appointment> day(String centerCode, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(APPOINTMENT + """
                 where c.code = ? and a.status in ('BOOKED', 'WALK_IN') and a.starts_at >= ? and a.starts_at < ?
                 order by a.starts_at, a.id
                """).params(centerCode, from, to).query(AppointmentRepository::appointment).list();
    }

    /** Booked appointments starting in [from, to) whose reminder is not sent; locked, skipping rows another instance holds. */
    List<Appointment> dueReminders(OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql(APPOINTMENT + """
                 where a.status = 'BOOKED' and a.reminded_at is null and a.starts_at >= ? and a.starts_at < ?
                 order by a.starts_at limit ? for update of a skip locked
                """).params(from, to, limit).query(AppointmentRepository::appointment).list();
    }

    void markReminded(long id) {
        jdbc.sql("update appointment set reminded_at = now() where id = ?").param(id).update();
    }

    private static AppointmentService service(ResultSet rs, int row) throws SQLException {
        return new AppointmentService(rs.getLong("id"), rs.getString("center_code"), rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("kind"), rs.getString("space"),
                rs.getInt("slot_minutes"), rs.getInt("capacity"));
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getLong("appointment_id"), service(rs, row),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                (Long) rs.getObject("account_id"), rs.getString("walk_in_name"), rs.getString("status"));
    }
}
