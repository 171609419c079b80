package org.linli.volunteering.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.platform.LinliException;
import org.linli.volunteering.RecruitmentFilled;
import org.linli.volunteering.VolunteerSignupPromoted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First come, first served: every sign-up and cancellation locks the recruitment's row, so its places
 * are never oversold and the waitlist keeps arrival order, whatever instance serves the request. A
 * cancellation hands the place to the head of the waitlist in the same transaction.
 */
@Service
class Signups {

    enum Status {
        CONFIRMED, WAITLISTED, CANCELLED
    }

    record Signup(long id, long recruitmentId, long volunteerId, Status status, Integer waitlistPosition,
            OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt) {
    }

    private record Locked(long id, String title, String centerCode, OffsetDateTime startsAt, OffsetDateTime endsAt,
            int needed, int confirmed, long nextWaitlistNumber, String status) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Recruitments recruitments;
    private final VolunteerRepository volunteers;
    private final ServiceRecords records;

    Signups(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            Recruitments recruitments, VolunteerRepository volunteers, ServiceRecords records) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.recruitments = recruitments;
        this.volunteers = volunteers;
        this.records = records;
    }

    private Locked lock(long recruitmentId) {
        return jdbc.sql("""
                select id, title, center_code, starts_at, ends_at, needed, confirmed, next_waitlist_number, status
                  from recruitment where id = ? for update""").param(recruitmentId).query(Locked.class).optional()
                .orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", recruitmentId));
    }

    /** The volunteer the caller acts for: themself, or (volunteerId given) a child they are guardian of. */
    Volunteer actingFor(long accountId, Long volunteerId) {
        if (volunteerId == null) {
            return volunteers.byAccount(accountId)
                    .orElseThrow(() -> LinliException.conflict("NOT_A_VOLUNTEER"));
        }
        return volunteers.byId(volunteerId)
                .filter(v -> Long.valueOf(accountId).equals(v.accountId())
                        || Long.valueOf(accountId).equals(v.guardianAccountId()))
                .orElseThrow(() -> LinliException.notFound("VOLUNTEER_NOT_FOUND", volunteerId));
    }

    /** The last place was just taken: the first time, the recruitment is filled (under its row's lock). */
    private void filled(long recruitmentId) {
        jdbc.sql("""
                update recruitment set filled_at = now() where id = ? and filled_at is null
                returning center_code, starts_at, created_at, filled_at""").param(recruitmentId)
                .query((rs, n) -> new RecruitmentFilled(recruitmentId, rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional().ifPresent(events::publishEvent);
    }

    Signup signUp(long recruitmentId, long accountId, Long volunteerId) {
        Volunteer v = actingFor(accountId, volunteerId);
        return transactions.execute(tx -> {
            Locked r = lock(recruitmentId);
            if (!"OPEN".equals(r.status())) {
                throw LinliException.conflict("RECRUITMENT_CANCELLED", r.title());
            }
            if (!r.startsAt().isAfter(OffsetDateTime.now())) {
                throw LinliException.conflict("RECRUITMENT_STARTED", r.title());
            }
            String refusal = Recruitments.refusal(recruitments.find(recruitmentId).orElseThrow(), v);
            if (refusal != null) {
                throw LinliException.conflict(refusal, r.title());
            }
            if (live(recruitmentId, v.id()).isPresent()) {
                throw LinliException.conflict("ALREADY_SIGNED_UP", r.title());
            }
            if (r.confirmed() < r.needed()) {
                long id = jdbc.sql("""
                        insert into recruitment_signup (recruitment_id, volunteer_id, signed_up_by, status)
                        values (?, ?, ?, 'CONFIRMED') returning id""")
                        .params(recruitmentId, v.id(), accountId).query(Long.class).single();
                jdbc.sql("update recruitment set confirmed = confirmed + 1 where id = ?").param(recruitmentId).update();
                if (r.confirmed() + 1 == r.needed()) {
                    filled(recruitmentId);
                }
                return new Signup(id, recruitmentId, v.id(), Status.CONFIRMED, null, null, null);
            }
            long id = jdbc.sql("""
                    insert into recruitment_signup (recruitment_id, volunteer_id, signed_up_by, status, waitlist_number)
                    values (?, ?, ?, 'WAITLISTED', ?) returning id""")
                    .params(recruitmentId, v.id(), accountId, r.nextWaitlistNumber()).query(Long.class).single();
            jdbc.sql("update recruitment set waitlisted = waitlisted + 1, next_waitlist_number = next_waitlist_number + 1"
                    + " where id = ?").param(recruitmentId).update();
            return new Signup(id, recruitmentId, v.id(), Status.WAITLISTED, position(recruitmentId,
                    r.nextWaitlistNumber()), null, null);
        });
    }

    void cancel(long recruitmentId, long accountId, Long volunteerId) {
        Volunteer v = actingFor(accountId, volunteerId);
        transactions.executeWithoutResult(tx -> {
            Locked r = lock(recruitmentId);
            Signup s = live(recruitmentId, v.id())
                    .orElseThrow(() -> LinliException.notFound("SIGNUP_NOT_FOUND", recruitmentId));
            if (!r.startsAt().isAfter(OffsetDateTime.now())) {
                throw LinliException.conflict("RECRUITMENT_STARTED", r.title());
            }
            jdbc.sql("update recruitment_signup set status = 'CANCELLED', cancelled_at = now() where id = ?")
                    .param(s.id()).update();
            if (s.status() == Status.WAITLISTED) {
                jdbc.sql("update recruitment set waitlisted = waitlisted - 1 where id = ?").param(recruitmentId).update();
                return;
            }
            Optional<long[]> head = jdbc.sql("""
                    select s.id, coalesce(v.account_id, v.guardian_account_id, s.signed_up_by)
                      from recruitment_signup s join volunteer v on v.id = s.volunteer_id
                     where s.recruitment_id = ? and s.status = 'WAITLISTED' order by s.waitlist_number limit 1""")
                    .param(recruitmentId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
            if (head.isEmpty()) {
                jdbc.sql("update recruitment set confirmed = confirmed - 1 where id = ?").param(recruitmentId).update();
                return;
            }
            jdbc.sql("update recruitment_signup set status = 'CONFIRMED' where id = ?").param(head.get()[0]).update();
            jdbc.sql("update recruitment set waitlisted = waitlisted - 1 where id = ?").param(recruitmentId).update();
            events.publishEvent(new VolunteerSignupPromoted(head.get()[0], head.get()[1], recruitmentId, r.title(),
                    r.centerCode(), r.startsAt()));
        });
    }

    Optional<Signup> live(long recruitmentId, long volunteerId) {
        return jdbc.sql("""
                select id, status, waitlist_number, checked_in_at, checked_out_at from recruitment_signup
                 where recruitment_id = ? and volunteer_id = ? and status <> 'CANCELLED'""")
                .params(recruitmentId, volunteerId)
                .query((rs, n) -> {
                    Status status = Status.valueOf(rs.getString("status"));
                    return new Signup(rs.getLong("id"), recruitmentId, volunteerId, status,
                            status == Status.WAITLISTED ? position(recruitmentId, rs.getLong("waitlist_number")) : null,
                            rs.getObject("checked_in_at", OffsetDateTime.class),
                            rs.getObject("checked_out_at", OffsetDateTime.class));
                }).optional();
    }

    record Row(long signupId, long volunteerId, String number, Long accountId, String status, Long waitlistNumber,
            OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt) {
    }

    List<Row> rows(long recruitmentId) {
        return jdbc.sql("""
                select s.id as signup_id, s.volunteer_id, v.number, coalesce(v.account_id, v.guardian_account_id) as account_id,
                       s.status, s.waitlist_number, s.checked_in_at, s.checked_out_at
                  from recruitment_signup s join volunteer v on v.id = s.volunteer_id
                 where s.recruitment_id = ? and s.status <> 'CANCELLED'
                 order by case s.status when 'CONFIRMED' then 0 else 1 end, s.waitlist_number nulls first, s.id""")
                .param(recruitmentId).query(Row.class).list();
    }

    /** Check-in opens an hour before the start and closes at the end; once per sign-up. */
    void checkIn(long recruitmentId, long volunteerId) {
        int n = jdbc.sql("""
                update recruitment_signup s set checked_in_at = now()
                  from recruitment r
                 where r.id = s.recruitment_id and s.recruitment_id = ? and s.volunteer_id = ?
                   and s.status = 'CONFIRMED' and s.checked_in_at is null
                   and now() between r.starts_at - interval '1 hour' and r.ends_at""")
                .params(recruitmentId, volunteerId).update();
        if (n == 0) {
            throw LinliException.conflict("VOLUNTEER_CHECK_IN_NOT_POSSIBLE");
        }
    }

    /** Checking out ends the service: the record is written from the check-in and check-out times. */
    long checkOut(long recruitmentId, long volunteerId) {
        return transactions.execute(tx -> {
            int n = jdbc.sql("""
                    update recruitment_signup s
                       set checked_out_at = greatest(least(now(), r.ends_at), s.checked_in_at + interval '1 minute')
                      from recruitment r
                     where r.id = s.recruitment_id and s.recruitment_id = ? and s.volunteer_id = ?
                       and s.status = 'CONFIRMED' and s.checked_in_at is not null and s.checked_out_at is null""")
                    .params(recruitmentId, volunteerId).update();
            if (n == 0) {
                throw LinliException.conflict("VOLUNTEER_CHECK_OUT_NOT_POSSIBLE");
            }
            Signup s = live(recruitmentId, volunteerId).orElseThrow();
            return records.fromCheckOut(recruitments.find(recruitmentId).orElseThrow(), volunteerId,
                    s.checkedInAt(), s.checkedOutAt());
        });
    }

    private int position(long recruitmentId, long waitlistNumber) {
        return jdbc.sql("""
                select count(*) from recruitment_signup
                 where recruitment_id = ? and status = 'WAITLISTED' and waitlist_number <= ?""")
                .params(recruitmentId, waitlistNumber).query(Integer.class).single();
    }
}
