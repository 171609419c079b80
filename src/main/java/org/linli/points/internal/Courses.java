package org.linli.points.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.activities.ActivityRegistrar;
import org.linli.platform.LinliException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community courses paid with points. Enrolling registers the volunteer for the activity and moves the
 * price to the center's courses account in one transaction (a full course takes nobody's points);
 * cancelling before the refund deadline moves them back as a new transaction.
 */
@Service
class Courses {

    record Price(long activityId, String centerCode, int points, int refundHoursBefore) {
    }

    record Course(ActivityRegistrar.Facts activity, Price price) {

        public boolean full() {
            return activity.confirmed() >= activity.capacity();
        }
    }

    private final JdbcClient jdbc;
    private final ActivityRegistrar activities;
    private final Ledger ledger;

    Courses(JdbcClient jdbc, ActivityRegistrar activities, Ledger ledger) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.ledger = ledger;
    }

    @Transactional
    Price price(String centerCode, long activityId, Integer points, Integer refundHoursBefore) {
        ActivityRegistrar.Facts a = activities.facts(activityId).filter(f -> f.centerCode().equals(centerCode))
                .orElseThrow(() -> LinliException.notFound("ACTIVITY_NOT_FOUND", activityId));
        if (points == null || points < 1 || points > 100_000) {
            throw LinliException.invalidField("points", "POINTS_AMOUNT_INVALID", 1, 100_000);
        }
        int hours = refundHoursBefore == null ? 24 : refundHoursBefore;
        if (hours < 0 || hours > 720) {
            throw LinliException.invalidField("refundHoursBefore", "POINTS_RULE_RANGE", 0, 720);
        }
        jdbc.sql("""
                insert into course_price (activity_id, center_code, points, refund_hours_before) values (?, ?, ?, ?)
                on conflict (activity_id) do update set points = excluded.points,
                       refund_hours_before = excluded.refund_hours_before""")
                .params(a.id(), centerCode, points, hours).update();
        activities.markPaid(a.id());
        return find(activityId).orElseThrow();
    }

    Optional<Price> find(long activityId) {
        return jdbc.sql("select activity_id, center_code, points, refund_hours_before from course_price "
                + "where activity_id = ?").param(activityId).query(Price.class).optional();
    }

    List<Course> upcoming() {
        return jdbc.sql("select activity_id, center_code, points, refund_hours_before from course_price")
                .query(Price.class).list().stream()
                .flatMap(p -> activities.facts(p.activityId()).filter(ActivityRegistrar.Facts::published)
                        .filter(f -> f.startsAt().isAfter(OffsetDateTime.now())).map(f -> new Course(f, p)).stream())
                .sorted(java.util.Comparator.comparing(c -> c.activity().startsAt())).toList();
    }

    boolean enrolled(long activityId, long accountId) {
        return jdbc.sql("select count(*) from course_enrolment where activity_id = ? and account_id = ? "
                + "and status = 'ENROLLED'").params(activityId, accountId).query(Integer.class).single() > 0;
    }

    /** Registers and pays in one step; returns the balance after. */
    @Transactional
    long enrol(long activityId, long accountId) {
        Price price = find(activityId).orElseThrow(() -> LinliException.notFound("COURSE_NOT_FOUND", activityId));
        String title = activities.facts(activityId).map(ActivityRegistrar.Facts::title).orElse("");
        if (!"CONFIRMED".equals(activities.register(activityId, accountId))) {
            throw LinliException.conflict("COURSE_FULL", title);
        }
        long from = ledger.volunteerAccount(accountId)
                .orElseThrow(() -> LinliException.conflict("POINTS_INSUFFICIENT", 0, price.points()));
        long to = ledger.account(Ledger.Kind.COURSES, null, price.centerCode());
        long enrolment = jdbc.sql("select nextval(pg_get_serial_sequence('course_enrolment', 'id'))")
                .query(Long.class).single();
        long transaction = ledger.post("COURSE", "course-enrolment:" + enrolment, "课程：" + title, accountId,
                List.of(new Ledger.Leg(from, -price.points()), new Ledger.Leg(to, price.points()))).orElseThrow();
        jdbc.sql("""
                insert into course_enrolment (id, activity_id, account_id, points, transaction_id) overriding system value
                values (?, ?, ?, ?, ?)""").params(enrolment, activityId, accountId, price.points(), transaction).update();
        return ledger.balance(from);
    }

    /** Cancels; the points come back when it is before the refund deadline. Returns the points refunded. */
    @Transactional
    long cancel(long activityId, long accountId) {
        record Enrolment(long id, int points) {
        }
        Enrolment e = jdbc.sql("""
                select id, points from course_enrolment where activity_id = ? and account_id = ? and status = 'ENROLLED'
                   for update""").params(activityId, accountId).query(Enrolment.class).optional()
                .orElseThrow(() -> LinliException.notFound("REGISTRATION_NOT_FOUND", activityId));
        Price price = find(activityId).orElseThrow();
        ActivityRegistrar.Facts a = activities.facts(activityId).orElseThrow();
        activities.cancel(activityId, accountId);
        boolean refund = OffsetDateTime.now().isBefore(a.startsAt().minusHours(price.refundHoursBefore()));
        Long refundTransaction = null;
        if (refund) {
            long to = ledger.volunteerAccount(accountId).orElseThrow();
            long from = ledger.account(Ledger.Kind.COURSES, null, price.centerCode());
            refundTransaction = ledger.post("REFUND", "course-refund:" + e.id(), "课程退订：" + a.title(), accountId,
                    List.of(new Ledger.Leg(from, -e.points()), new Ledger.Leg(to, e.points()))).orElseThrow();
        }
        jdbc.sql("""
                update course_enrolment set status = 'CANCELLED', cancelled_at = now(), refund_transaction_id = ?
                 where id = ?""").params(refundTransaction, e.id()).update();
        return refund ? e.points() : 0;
    }
}
