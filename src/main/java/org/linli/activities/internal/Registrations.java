package org.linli.activities.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.linli.activities.WaitlistPromoted;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.linli.residents.HouseholdDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and cancelling. Each locks the activity's row first, so registrations for one activity
 * are serialised in the database whatever instance serves them: places are counted on the row (a
 * CHECK keeps them within capacity) and waitlist numbers come from the row's counter, so the order of
 * arrival is kept without gaps. A cancellation promotes the head of the waitlist in the same
 * transaction; the promoted person is told through the event outbox after commit.
 */
@Service
class Registrations {

    enum Status {
        CONFIRMED, WAITLISTED, CANCELLED
    }

    /**
     * A person's place: CONFIRMED, or WAITLISTED with its position (1 is next in line), and the titles
     * of their other activities at overlapping times (a warning; registering is still allowed).
     */
    record Place(long registrationId, Status status, Integer waitlistPosition, List<String> clashes, Long personId,
            String checkInCode) {

        Place(long registrationId, Status status, Integer waitlistPosition) {
            this(registrationId, status, waitlistPosition, List.of(), null, null);
        }

        Place(long registrationId, Status status, Integer waitlistPosition, List<String> clashes, Long personId) {
            this(registrationId, status, waitlistPosition, clashes, personId, null);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final HouseholdDirectory households;

    Registrations(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            HouseholdDirectory households) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.households = households;
    }

    private record Locked(long id, String title, String centerCode, OffsetDateTime startsAt, OffsetDateTime endsAt,
            int capacity,
            int confirmed, long nextWaitlistNumber, String status, OffsetDateTime registrationOpensAt,
            OffsetDateTime registrationClosesAt, Integer minAge, Integer maxAge, boolean familyRegistration,
            boolean paid) {
    }

    private Locked lock(long activityId) {
        return jdbc.sql("""
                select id, title, center_code, starts_at, ends_at, capacity, confirmed, next_waitlist_number, status,
                       registration_opens_at, registration_closes_at, min_age, max_age, family_registration, paid
                  from activity where id = :id for update
                """).param("id", activityId).query(Locked.class).optional()
                .orElseThrow(() -> LinliException.notFound("ACTIVITY_NOT_FOUND", activityId));
    }

    Place register(long activityId, long accountId, OffsetDateTime now) {
        return register(activityId, accountId, null, now);
    }

    /**
     * Registers the account holder (personId null) or a member of their household (when the activity
     * lets a family register several people). The audience's age range is checked against the real-name
     * birth date of whoever will attend, on the day of the activity.
     */
    Place register(long activityId, long accountId, Long personId, OffsetDateTime now) {
        return register(activityId, accountId, personId, now, false);
    }

    /** As above; a course paid with points is registered for only with its payment (paying = true). */
    Place register(long activityId, long accountId, Long personId, OffsetDateTime now, boolean paying) {
        return transactions.execute(tx -> {
            Locked a = lock(activityId);
            if (a.paid() && !paying) {
                throw LinliException.conflict("COURSE_PAY_WITH_POINTS", a.title());
            }
            if (!"PUBLISHED".equals(a.status())) {
                throw LinliException.conflict("ACTIVITY_CANCELLED", a.title());
            }
            if (now.isBefore(a.registrationOpensAt())) {
                throw LinliException.conflict("REGISTRATION_NOT_OPEN", a.title(), a.registrationOpensAt()
                        .atZoneSameInstant(org.linli.platform.RequestTimes.ZONE)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            }
            if (!now.isBefore(a.registrationClosesAt()) || !now.isBefore(a.startsAt())) {
                throw LinliException.conflict("REGISTRATION_CLOSED", a.title());
            }
            Optional<LocalDate> born;
            if (personId == null) {
                born = a.minAge() == null && a.maxAge() == null ? Optional.empty() : households.birthDate(accountId);
            } else {
                if (!a.familyRegistration()) {
                    throw LinliException.conflict("FAMILY_REGISTRATION_NOT_ALLOWED", a.title());
                }
                born = Optional.ofNullable(households.managedMember(accountId, personId)
                        .orElseThrow(() -> LinliException.notFound("HOUSEHOLD_MEMBER_NOT_FOUND", personId))
                        .birthDate());
            }
            checkAge(a, born);
            if (live(activityId, accountId, personId).isPresent()) {
                throw LinliException.conflict("ALREADY_REGISTERED", a.title());
            }
            if (a.confirmed() < a.capacity()) {
                long id = jdbc.sql("""
                        insert into activity_registration (activity_id, account_id, person_id, status, confirmed_at,
                                                           check_in_code)
                        values (:a, :p, :m, 'CONFIRMED', now(), :code) returning id""")
                        .param("a", activityId).param("p", accountId).param("m", personId).param("code", org.linli.platform.RandomCodes.of(10))
                        .query(Long.class).single();
                jdbc.sql("update activity set confirmed = confirmed + 1 where id = :a").param("a", activityId).update();
                return new Place(id, Status.CONFIRMED, null, clashes(a, accountId, personId), personId);
            }
            long id = jdbc.sql("""
                    insert into activity_registration (activity_id, account_id, person_id, status, waitlist_number,
                                                       check_in_code)
                    values (:a, :p, :m, 'WAITLISTED', :n, :code) returning id""")
                    .param("a", activityId).param("p", accountId).param("m", personId).param("n", a.nextWaitlistNumber())
                    .param("code", org.linli.platform.RandomCodes.of(10))
                    .query(Long.class).single();
            jdbc.sql("update activity set waitlisted = waitlisted + 1, next_waitlist_number = next_waitlist_number + 1"
                    + " where id = :a").param("a", activityId).update();
            return new Place(id, Status.WAITLISTED, position(activityId, a.nextWaitlistNumber()),
                    clashes(a, accountId, personId), personId);
        });
    }

    /** The registration a door code names, if it belongs to this activity. */
    Optional<Attendee> byCode(long activityId, String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return attendees(activityId).stream().filter(a -> normalised.equals(a.checkInCode())).findFirst();
    }

    /** Outside the audience's ages, or no birth date to check them against → 409 with the reason. */
    private static void checkAge(Locked a, Optional<LocalDate> born) {
        if (a.minAge() == null && a.maxAge() == null) {
            return;
        }
        String range = a.minAge() != null && a.maxAge() != null ? a.minAge() + "–" + a.maxAge()
                : a.minAge() != null ? "≥" + a.minAge() : "≤" + a.maxAge();
        if (born.isEmpty()) {
            throw LinliException.conflict("AGE_UNKNOWN", a.title(), range);
        }
        int age = Period.between(born.get(), a.startsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalDate())
                .getYears();
        if ((a.minAge() != null && age < a.minAge()) || (a.maxAge() != null && age > a.maxAge())) {
            throw LinliException.conflict("AGE_OUTSIDE_AUDIENCE", a.title(), range, age);
        }
    }

    /** The attendee's other live registrations at overlapping times (self, or the same household member). */
    private List<String> clashes(Locked a, long accountId, Long personId) {
        return jdbc.sql("""
                select x.title from activity_registration r join activity x on x.id = r.activity_id
                 where r.status <> 'CANCELLED' and x.id <> :a and x.status = 'PUBLISHED'
                   and ((cast(:m as bigint) is null and r.account_id = :p and r.person_id is null)
                        or r.person_id = cast(:m as bigint))
                   and x.starts_at < :ends and x.ends_at > :starts
                 order by x.starts_at""")
                .param("p", accountId).param("m", personId).param("a", a.id()).param("starts", a.startsAt()).param("ends", a.endsAt())
                .query(String.class).list();
    }

    record Attendee(long registrationId, long accountId, Long personId, Status status, Integer waitlistNumber,
            OffsetDateTime checkedInAt, boolean walkIn, String checkInCode) {
    }

    List<Attendee> attendees(long activityId) {
        return jdbc.sql("""
                select id, account_id, person_id, status, check_in_code,
                       case when status = 'WAITLISTED'
                            then row_number() over (partition by status order by waitlist_number) end as waitlist_number,
                       checked_in_at, walk_in
                  from activity_registration
                 where activity_id = :a and status <> 'CANCELLED'
                 order by case status when 'CONFIRMED' then 0 else 1 end, waitlist_number nulls first, id""")
                .param("a", activityId)
                .query((rs, n) -> new Attendee(rs.getLong("id"), rs.getLong("account_id"),
                        (Long) rs.getObject("person_id"), Status.valueOf(rs.getString("status")), (Long) rs.getObject("waitlist_number") == null ? null
                        : rs.getInt("waitlist_number"), rs.getObject("checked_in_at", OffsetDateTime.class),
                        rs.getBoolean("walk_in"), rs.getString("check_in_code")))
                .list();
    }

    /** Staff check a confirmed person in at the door (once), from two hours before the start to its end. */
    void checkIn(long activityId, long registrationId, long staff) {
        atTheDoor(activityId);
        transactions.executeWithoutResult(tx -> {
            int updated = jdbc.sql("""
                    update activity_registration set checked_in_at = now(), checked_in_by = :by
                     where id = :r and activity_id = :a and status = 'CONFIRMED' and checked_in_at is null""")
                    .param("r", registrationId).param("a", activityId).param("by", staff).update();
            if (updated == 0) {
                throw LinliException.conflict("CHECK_IN_NOT_POSSIBLE");
            }
            attended(registrationId, activityId);
        });
    }

    /** Tells read models (dashboards) of a person-time, in the check-in's transaction. */
    private void attended(long registrationId, long activityId) {
        String center = jdbc.sql("select center_code from activity where id = :a").param("a", activityId)
                .query(String.class).single();
        events.publishEvent(new org.linli.activities.AttendanceRecorded(registrationId, activityId, center,
                java.time.LocalDate.now(org.linli.platform.RequestTimes.ZONE)));
    }

    /** A walk-in at the door takes a remaining place and is checked in at once; none left → 409. */
    Place walkIn(long activityId, long accountId, long staff) {
        return transactions.execute(tx -> {
            Locked a = lock(activityId);
            atTheDoor(activityId);
            if (live(activityId, accountId).isPresent()) {
                throw LinliException.conflict("ALREADY_REGISTERED", a.title());
            }
            if (a.confirmed() >= a.capacity()) {
                throw LinliException.conflict("ACTIVITY_FULL", a.title());
            }
            long id = jdbc.sql("""
                    insert into activity_registration (activity_id, account_id, status, confirmed_at, walk_in,
                                                       checked_in_at, checked_in_by)
                    values (:a, :p, 'CONFIRMED', now(), true, now(), :by) returning id""")
                    .param("a", activityId).param("p", accountId).param("by", staff).query(Long.class).single();
            attended(id, activityId);
            jdbc.sql("update activity set confirmed = confirmed + 1 where id = :a").param("a", activityId).update();
            return new Place(id, Status.CONFIRMED, null);
        });
    }

    /** Cancels the person's registration; a freed place goes to the head of the waitlist, in the same transaction. */
    void cancel(long activityId, long accountId) {
        cancel(activityId, accountId, null);
    }

    /** Cancels the registration of the account holder (personId null) or of a household member they registered. */
    void cancel(long activityId, long accountId, Long personId) {
        cancel(activityId, accountId, personId, false);
    }

    /** As above; a paid course is cancelled only where its points are refunded (paying = true). */
    void cancel(long activityId, long accountId, Long personId, boolean paying) {
        transactions.executeWithoutResult(tx -> {
            Locked a = lock(activityId);
            if (a.paid() && !paying) {
                throw LinliException.conflict("COURSE_PAY_WITH_POINTS", a.title());
            }
            Place place = live(activityId, accountId, personId)
                    .orElseThrow(() -> LinliException.notFound("REGISTRATION_NOT_FOUND", activityId));
            if (!a.startsAt().isAfter(OffsetDateTime.now())) {
                throw LinliException.conflict("ACTIVITY_STARTED", a.title());
            }
            jdbc.sql("update activity_registration set status = 'CANCELLED', cancelled_at = now() where id = :id")
                    .param("id", place.registrationId()).update();
            if (place.status() == Status.WAITLISTED) {
                jdbc.sql("update activity set waitlisted = waitlisted - 1 where id = :a").param("a", activityId)
                        .update();
                return;
            }
            Optional<Long[]> head = jdbc.sql("""
                    select id, account_id from activity_registration
                     where activity_id = :a and status = 'WAITLISTED' order by waitlist_number limit 1""")
                    .param("a", activityId).query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).optional();
            if (head.isEmpty()) {
                jdbc.sql("update activity set confirmed = confirmed - 1 where id = :a").param("a", activityId).update();
                return;
            }
            jdbc.sql("update activity_registration set status = 'CONFIRMED', confirmed_at = now() where id = :id")
                    .param("id", head.get()[0]).update();
            jdbc.sql("update activity set waitlisted = waitlisted - 1 where id = :a").param("a", activityId).update();
            events.publishEvent(new WaitlistPromoted(head.get()[0], head.get()[1], activityId, a.title(),
                    a.centerCode(), a.startsAt()));
        });
    }

    /**
     * Changes an activity's capacity. Below the number already confirmed is refused (400); more places
     * confirm the head of the waitlist at once, in the same transaction, and each promoted person is told.
     */
    int changeCapacity(long activityId, int capacity) {
        return transactions.execute(tx -> {
            Locked a = lock(activityId);
            if (capacity < 1 || capacity > 10_000) {
                throw LinliException.invalidField("capacity", "ACTIVITY_CAPACITY_RANGE", 1, 10_000);
            }
            if (capacity < a.confirmed()) {
                throw LinliException.invalidField("capacity", "CAPACITY_BELOW_CONFIRMED", a.confirmed());
            }
            jdbc.sql("update activity set capacity = :c where id = :a").param("c", capacity).param("a", activityId)
                    .update();
            int promoted = 0;
            for (int free = capacity - a.confirmed(); free > 0; free--) {
                Optional<Long[]> head = jdbc.sql("""
                        select id, account_id from activity_registration
                         where activity_id = :a and status = 'WAITLISTED' order by waitlist_number limit 1""")
                        .param("a", activityId).query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).optional();
                if (head.isEmpty()) {
                    break;
                }
                jdbc.sql("update activity_registration set status = 'CONFIRMED', confirmed_at = now() where id = :id")
                        .param("id", head.get()[0]).update();
                jdbc.sql("update activity set confirmed = confirmed + 1, waitlisted = waitlisted - 1 where id = :a")
                        .param("a", activityId).update();
                events.publishEvent(new WaitlistPromoted(head.get()[0], head.get()[1], activityId, a.title(),
                        a.centerCode(), a.startsAt()));
                promoted++;
            }
            return promoted;
        });
    }

    /** The person's live registration, with the waitlist position worked out now. */
    Optional<Place> live(long activityId, long accountId) {
        return live(activityId, accountId, null);
    }

    /** The live registration of the account holder (personId null) or of a member they registered. */
    Optional<Place> live(long activityId, long accountId, Long personId) {
        return mine(activityId, accountId).stream().filter(p -> java.util.Objects.equals(p.personId(), personId))
                .findFirst();
    }

    /** Every live registration the account holder made for this activity: themself and household members. */
    List<Place> mine(long activityId, long accountId) {
        return jdbc.sql("""
                select id, status, waitlist_number, person_id, check_in_code from activity_registration
                 where activity_id = :a and account_id = :p and status <> 'CANCELLED'
                 order by person_id nulls first, id""")
                .param("a", activityId).param("p", accountId)
                .query((rs, n) -> {
                    Status status = Status.valueOf(rs.getString("status"));
                    return new Place(rs.getLong("id"), status,
                            status == Status.WAITLISTED ? position(activityId, rs.getLong("waitlist_number")) : null,
                            List.of(), (Long) rs.getObject("person_id"), rs.getString("check_in_code"));
                }).list();
    }

    /** The door is open from two hours before the start to the end, for a published activity. */
    private void atTheDoor(long activityId) {
        boolean open = jdbc.sql("""
                select count(*) from activity where id = :a and status = 'PUBLISHED'
                   and now() between starts_at - interval '2 hours' and ends_at""")
                .param("a", activityId).query(Integer.class).single() > 0;
        if (!open) {
            throw LinliException.conflict("CHECK_IN_NOT_OPEN");
        }
    }

    /** The room left before a walk-in creates anything. */
    boolean hasRoom(long activityId) {
        return jdbc.sql("select confirmed < capacity from activity where id = :a").param("a", activityId)
                .query(Boolean.class).optional().orElse(false);
    }

    private int position(long activityId, long waitlistNumber) {
        return jdbc.sql("""
                select count(*) from activity_registration
                 where activity_id = :a and status = 'WAITLISTED' and waitlist_number <= :n""")
                .param("a", activityId).param("n", waitlistNumber).query(Integer.class).single();
    }
}
