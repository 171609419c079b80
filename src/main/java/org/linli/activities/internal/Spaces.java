package org.linli.activities.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.OpeningHours;
import org.linli.calendar.Session;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A center's spaces and their one timeline: bookings of bookable rooms and activities held there.
 * Booking and placing an activity both lock the space's row, then check the space's opening hours
 * (from the calendar module) and every overlap, so a room is never double-booked.
 */
@Service
class Spaces {

    enum Type {
        SERVICE_HALL, LEGAL_STATION, READING_ROOM, COUNSELLING_ROOM, STUDY_ROOM, CAFE, SCIENCE_CORNER,
        REHEARSAL_ROOM, MEETING_ROOM, ACTIVITY_ROOM, OTHER
    }

    record Space(long id, String centerCode, String code, String name, String type, int capacity, String operator,
            boolean bookable) {
    }

    /** One entry of a space's timeline: a booking or an activity. */
    record Slot(String kind, long id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    private final JdbcClient jdbc;
    private final Centers centers;
    private final OpeningHours hours;

    Spaces(JdbcClient jdbc, Centers centers, OpeningHours hours) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.hours = hours;
    }

    List<Space> of(String centerCode) {
        centers.require(centerCode);
        return jdbc.sql("select * from space where center_code = :c order by id").param("c", centerCode)
                .query(Space.class).list();
    }

    Optional<Space> find(String centerCode, String code) {
        return jdbc.sql("select * from space where center_code = :c and code = :s").param("c", centerCode)
                .param("s", code).query(Space.class).optional();
    }

    record SpaceInput(String code, String name, String type, Integer capacity, String operator, Boolean bookable) {
    }

    @Transactional
    Space save(String centerCode, SpaceInput in) {
        centers.require(centerCode);
        String code = in.code() == null ? "" : in.code().strip();
        if (!code.matches("[a-z][a-z0-9-]{1,39}")) {
            throw LinliException.invalidField("code", "SPACE_CODE_INVALID");
        }
        String name = PlainText.check("name", in.name(), 60);
        if (name == null) {
            throw LinliException.invalidField("name", "SPACE_NAME_REQUIRED");
        }
        String type;
        try {
            type = Type.valueOf(in.type() == null ? "" : in.type()).name();
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("type", "SPACE_TYPE_UNKNOWN", in.type());
        }
        if (in.capacity() == null || in.capacity() < 1 || in.capacity() > 2000) {
            throw LinliException.invalidField("capacity", "SPACE_CAPACITY_RANGE", 1, 2000);
        }
        jdbc.sql("""
                insert into space (center_code, code, name, type, capacity, operator, bookable)
                values (:c, :s, :name, :type, :capacity, :operator, :bookable)
                on conflict (center_code, code) do update set name = excluded.name, type = excluded.type,
                       capacity = excluded.capacity, operator = excluded.operator, bookable = excluded.bookable
                """).param("c", centerCode).param("s", code).param("name", name).param("type", type)
                .param("capacity", in.capacity()).param("operator", PlainText.check("operator", in.operator(), 100))
                .param("bookable", Boolean.TRUE.equals(in.bookable())).update();
        return find(centerCode, code).orElseThrow();
    }

    record BookingInput(String groupName, String purpose, String startsAt, String endsAt) {
    }

    /** A group books a bookable room for a time within its opening hours, never over anything else. */
    @Transactional
    long book(String centerCode, String spaceCode, BookingInput in, long bookedBy) {
        Space space = lock(centerCode, spaceCode);
        if (!space.bookable()) {
            throw LinliException.conflict("SPACE_NOT_BOOKABLE", space.name());
        }
        String group = PlainText.check("groupName", in.groupName(), 60);
        if (group == null) {
            throw LinliException.invalidField("groupName", "BOOKING_GROUP_REQUIRED");
        }
        OffsetDateTime starts = required("startsAt", in.startsAt());
        OffsetDateTime ends = required("endsAt", in.endsAt());
        if (!ends.isAfter(starts)) {
            throw LinliException.invalidField("endsAt", "ACTIVITY_ENDS_BEFORE_START");
        }
        if (!starts.isAfter(OffsetDateTime.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("startsAt", "BOOKING_IN_PAST");
        }
        requireOpen(space, starts, ends);
        requireFree(space, starts, ends);
        return jdbc.sql("""
                insert into space_booking (space_id, group_name, purpose, booked_by, starts_at, ends_at)
                values (:s, :g, :p, :by, :starts, :ends) returning id""")
                .param("s", space.id()).param("g", group).param("p", PlainText.check("purpose", in.purpose(), 200))
                .param("by", bookedBy).param("starts", starts).param("ends", ends).query(Long.class).single();
    }

    /** Called while publishing an activity in a space: the same checks, in the same transaction. */
    void reserveForActivity(String centerCode, String spaceCode, OffsetDateTime starts, OffsetDateTime ends) {
        Space space = lock(centerCode, spaceCode);
        requireOpen(space, starts, ends);
        requireFree(space, starts, ends);
    }

    @Transactional
    void cancelBooking(String centerCode, String spaceCode, long bookingId, long caller, boolean staff) {
        Space space = lock(centerCode, spaceCode);
        int n = jdbc.sql("""
                update space_booking set status = 'CANCELLED'
                 where id = :id and space_id = :s and status = 'BOOKED' and (:staff or booked_by = :by)""")
                .param("id", bookingId).param("s", space.id()).param("staff", staff).param("by", caller).update();
        if (n == 0) {
            throw LinliException.notFound("BOOKING_NOT_FOUND", bookingId);
        }
    }

    List<Slot> timeline(String centerCode, String spaceCode, OffsetDateTime from, OffsetDateTime to) {
        return timeline(find(centerCode, spaceCode)
                .orElseThrow(() -> LinliException.notFound("SPACE_NOT_FOUND", spaceCode)), from, to);
    }

    private List<Slot> timeline(Space space, OffsetDateTime from, OffsetDateTime to) {
        List<Slot> slots = new ArrayList<>(jdbc.sql("""
                select 'BOOKING' as kind, id, group_name as title, starts_at, ends_at from space_booking
                 where space_id = :s and status = 'BOOKED' and starts_at < :to and ends_at > :from
                union all
                select 'ACTIVITY', id, title, starts_at, ends_at from activity
                 where center_code = :c and space_code = :code and status = 'PUBLISHED'
                   and starts_at < :to and ends_at > :from""")
                .param("s", space.id()).param("c", space.centerCode()).param("code", space.code()).param("from", from)
                .param("to", to).query(Slot.class).list());
        slots.sort(Comparator.comparing(Slot::startsAt));
        return slots;
    }

    Space lock(String centerCode, String spaceCode) {
        return jdbc.sql("select * from space where center_code = :c and code = :s for update")
                .param("c", centerCode).param("s", spaceCode == null ? "" : spaceCode).query(Space.class).optional()
                .orElseThrow(() -> LinliException.notFound("SPACE_NOT_FOUND", spaceCode));
    }

    void requireOpen(Space space, OffsetDateTime starts, OffsetDateTime ends) {
        ZonedDateTime s = starts.atZoneSameInstant(RequestTimes.ZONE);
        ZonedDateTime e = ends.atZoneSameInstant(RequestTimes.ZONE);
        LocalDate day = s.toLocalDate();
        if (!e.toLocalDate().equals(day) && !(e.toLocalDate().equals(day.plusDays(1)) && e.toLocalTime().equals(LocalTime.MIDNIGHT))) {
            throw LinliException.conflict("SPACE_CLOSED", space.name());
        }
        DaySchedule schedule = scheduleOf(space, day);
        LocalTime from = s.toLocalTime();
        LocalTime to = e.toLocalDate().equals(day) ? e.toLocalTime() : LocalTime.MAX;
        // walk the day's sessions (back to back sessions join) and see whether [from, to) is covered
        LocalTime covered = from;
        for (Session session : schedule.sessions().stream().sorted(Comparator.comparing(Session::opens)).toList()) {
            if (!session.opens().isAfter(covered) && session.closes().isAfter(covered)) {
                covered = session.closes();
            }
        }
        if (schedule.closed() || covered.isBefore(to)) {
            throw LinliException.conflict("SPACE_CLOSED", space.name());
        }
    }

    /** The space's own hours when the calendar keeps any for it, else its center's. */
    private DaySchedule scheduleOf(Space space, LocalDate day) {
        try {
            return hours.schedule(space.centerCode(), space.code(), day, 1).getFirst();
        } catch (LinliException noHoursOfItsOwn) {
            if (!"SPACE_NOT_FOUND".equals(noHoursOfItsOwn.code())) {
                throw noHoursOfItsOwn;
            }
            return hours.schedule(space.centerCode(), "", day, 1).getFirst();
        }
    }

    private void requireFree(Space space, OffsetDateTime starts, OffsetDateTime ends) {
        List<Slot> clashes = timeline(space, starts, ends);
        if (!clashes.isEmpty()) {
            Slot first = clashes.getFirst();
            throw LinliException.conflict("SPACE_TAKEN", space.name(), first.title(),
                    first.startsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalTime() + "–"
                            + first.endsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalTime());
        }
    }

    private static OffsetDateTime required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LinliException.invalidField(field, "ACTIVITY_TIME_REQUIRED");
        }
        return RequestTimes.moment(field, value);
    }
}
