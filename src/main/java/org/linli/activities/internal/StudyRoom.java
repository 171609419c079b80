package org.linli.activities.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study room: residents check in and out at the door (its QR code opens the door page) or book a
 * seat for a time. A booked seat is held until 15 minutes after its start; then it counts as free
 * again — in every query at once, and the sweep below only tidies the rows, so nothing depends on a
 * job an operator has to set up. Check-ins lock the space's row, so the room is never over-filled.
 */
@Service
class StudyRoom implements org.linli.activities.StudyRoomBoard {

    static final String HELD = "(status = 'BOOKED' and starts_at <= now() + interval '15 minutes'"
            + " and starts_at > now() - interval '15 minutes' and ends_at > now())";

    record Occupancy(int capacity, int inside, int held, int free, int visitorsToday) {
    }

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final org.springframework.context.ApplicationEventPublisher events;

    StudyRoom(JdbcClient jdbc, Spaces spaces, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.spaces = spaces;
    }

    @Override
    public List<Room> rooms(String centerCode) {
        return spaces.of(centerCode).stream().filter(s -> s.type().equals("STUDY_ROOM")).map(s -> {
            Occupancy o = occupancy(s);
            return new Room(s.code(), s.name(), o.capacity(), o.inside(), o.held(), o.free(), o.visitorsToday());
        }).toList();
    }

    Occupancy occupancy(String centerCode, String spaceCode) {
        return occupancy(room(centerCode, spaceCode));
    }

    private Occupancy occupancy(Spaces.Space room) {
        OffsetDateTime dayStart = LocalDate.now(RequestTimes.ZONE).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
        int inside = jdbc.sql("""
                select count(*) from space_visit where space_id = :s and checked_out_at is null
                   and checked_in_at >= :day""").param("s", room.id()).param("day", dayStart)
                .query(Integer.class).single();
        int held = jdbc.sql("select count(*) from seat_booking where space_id = :s and " + HELD)
                .param("s", room.id()).query(Integer.class).single();
        int visitors = jdbc.sql("""
                select count(distinct account_id) from space_visit where space_id = :s and checked_in_at >= :day""")
                .param("s", room.id()).param("day", dayStart).query(Integer.class).single();
        return new Occupancy(room.capacity(), inside, held, Math.max(0, room.capacity() - inside - held), visitors);
    }

    /** In at the door: one's own booking held now is used; otherwise a free seat is needed. */
    @Transactional
    void checkIn(String centerCode, String spaceCode, long person) {
        Spaces.Space room = lockRoom(centerCode, spaceCode);
        OffsetDateTime dayStart = LocalDate.now(RequestTimes.ZONE).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
        // a visit left open on an earlier day (nobody checked out) ends at that day's close
        jdbc.sql("""
                update space_visit set checked_out_at = checked_in_at
                 where space_id = :s and account_id = :p and checked_out_at is null and checked_in_at < :day""")
                .param("s", room.id()).param("p", person).param("day", dayStart).update();
        if (jdbc.sql("select count(*) from space_visit where space_id = :s and account_id = :p and checked_out_at is null")
                .param("s", room.id()).param("p", person).query(Integer.class).single() > 0) {
            throw LinliException.conflict("ALREADY_INSIDE", room.name());
        }
        Long booking = jdbc.sql("select id from seat_booking where space_id = :s and account_id = :p and " + HELD
                + " order by starts_at limit 1").param("s", room.id()).param("p", person).query(Long.class)
                .optional().orElse(null);
        if (booking == null && occupancy(room).free() <= 0) {
            throw LinliException.conflict("STUDY_ROOM_FULL", room.name());
        }
        if (booking != null) {
            jdbc.sql("update seat_booking set status = 'USED' where id = :id").param("id", booking).update();
        }
        long visit = jdbc.sql("""
                insert into space_visit (space_id, account_id, seat_booking_id) values (:s, :p, :b) returning id""")
                .param("s", room.id()).param("p", person).param("b", booking).query(Long.class).single();
        events.publishEvent(new org.linli.activities.StudyRoomVisited(visit, centerCode,
                LocalDate.now(RequestTimes.ZONE)));
    }

    @Transactional
    void checkOut(String centerCode, String spaceCode, long person) {
        Spaces.Space room = room(centerCode, spaceCode);
        int n = jdbc.sql("""
                update space_visit set checked_out_at = now()
                 where space_id = :s and account_id = :p and checked_out_at is null""")
                .param("s", room.id()).param("p", person).update();
        if (n == 0) {
            throw LinliException.notFound("NOT_INSIDE", room.name());
        }
    }

    /** A seat for a time within the room's hours; never more bookings at once than seats. */
    @Transactional
    long bookSeat(String centerCode, String spaceCode, long person, String startsAt, String endsAt) {
        Spaces.Space room = lockRoom(centerCode, spaceCode);
        OffsetDateTime starts = RequestTimes.moment("startsAt", startsAt);
        OffsetDateTime ends = RequestTimes.moment("endsAt", endsAt);
        if (startsAt == null || endsAt == null || !ends.isAfter(starts)) {
            throw LinliException.invalidField("endsAt", "ACTIVITY_ENDS_BEFORE_START");
        }
        if (starts.isBefore(OffsetDateTime.now(RequestTimes.ZONE).minusMinutes(5))) {
            throw LinliException.invalidField("startsAt", "BOOKING_IN_PAST");
        }
        spaces.requireOpen(room, starts, ends);
        String overlapping = " and starts_at < :ends and ends_at > :starts and (status = 'USED' or (status = 'BOOKED'"
                + " and starts_at > now() - interval '15 minutes'))";
        if (jdbc.sql("select count(*) from seat_booking where space_id = :s and account_id = :p" + overlapping)
                .param("s", room.id()).param("p", person).param("starts", starts).param("ends", ends)
                .query(Integer.class).single() > 0) {
            throw LinliException.conflict("SEAT_ALREADY_BOOKED", room.name());
        }
        if (jdbc.sql("select count(*) from seat_booking where space_id = :s" + overlapping)
                .param("s", room.id()).param("starts", starts).param("ends", ends).query(Integer.class)
                .single() >= room.capacity()) {
            throw LinliException.conflict("STUDY_ROOM_FULL", room.name());
        }
        return jdbc.sql("""
                insert into seat_booking (space_id, account_id, starts_at, ends_at) values (:s, :p, :starts, :ends)
                returning id""").param("s", room.id()).param("p", person).param("starts", starts)
                .param("ends", ends).query(Long.class).single();
    }

    @Transactional
    void cancelSeat(String centerCode, String spaceCode, long person, long bookingId) {
        Spaces.Space room = room(centerCode, spaceCode);
        if (jdbc.sql("""
                update seat_booking set status = 'CANCELLED'
                 where id = :id and space_id = :s and account_id = :p and status = 'BOOKED'""")
                .param("id", bookingId).param("s", room.id()).param("p", person).update() == 0) {
            throw LinliException.notFound("BOOKING_NOT_FOUND", bookingId);
        }
    }

    /** Tidies the rows of bookings nobody used (the queries above already treat them as free). */
    @Scheduled(fixedDelayString = "${linli.activities.seat-release-interval:30s}", initialDelayString = "15s")
    void release() {
        releaseUnused();
    }

    int releaseUnused() {
        return jdbc.sql("""
                update seat_booking set status = 'RELEASED'
                 where status = 'BOOKED' and starts_at <= now() - interval '15 minutes'""").update();
    }

    private Spaces.Space room(String centerCode, String spaceCode) {
        return studyRoom(spaces.find(centerCode, spaceCode)
                .orElseThrow(() -> LinliException.notFound("SPACE_NOT_FOUND", spaceCode)));
    }

    private Spaces.Space lockRoom(String centerCode, String spaceCode) {
        return studyRoom(spaces.lock(centerCode, spaceCode));
    }

    private static Spaces.Space studyRoom(Spaces.Space space) {
        if (!space.type().equals("STUDY_ROOM")) {
            throw LinliException.conflict("NOT_A_STUDY_ROOM", space.name());
        }
        return space;
    }
}
