package org.linli.volunteering.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.volunteering.ServiceHoursCorrected;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service records after MCA Order No. 67: activity, date, place, content, start, end, net minutes (no
 * travel), organiser, person in charge. Written from a check-out or submitted by the volunteer; staff
 * of the organising center confirm them within a set time. Nothing is changed silently: a correction
 * is requested, reviewed, and applied with what the record said before kept beside it.
 */
@Service
class ServiceRecords {

    record ServiceRecord(long id, long volunteerId, long recruitmentId, String centerCode, String activityTitle,
            java.time.LocalDate serviceDate, String place, String content, OffsetDateTime startedAt,
            OffsetDateTime endedAt, int netMinutes, String organiser, String personInCharge, String source,
            String status, OffsetDateTime confirmBy, OffsetDateTime confirmedAt) {

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public boolean overdue() {
            return pending() && confirmBy.isBefore(OffsetDateTime.now());
        }

        public String hours() {
            return "%.1f".formatted(netMinutes / 60.0);
        }
    }

    static final String COLUMNS = """
            id, volunteer_id, recruitment_id, center_code, activity_title, service_date, place, content, started_at,
            ended_at, net_minutes, organiser, person_in_charge, source, status, confirm_by, confirmed_at""";

    private final JdbcClient jdbc;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final VolunteerRepository volunteers;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Duration confirmWithin;
    private final Recruitments recruitments;

    ServiceRecords(JdbcClient jdbc, Centers centers, AccountDirectory accounts, VolunteerRepository volunteers,
            ApplicationEventPublisher events, JsonMapper json, Recruitments recruitments,
            @Value("${linli.volunteering.confirm-within:7d}") Duration confirmWithin) {
        this.recruitments = recruitments;
        this.jdbc = jdbc;
        this.centers = centers;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.events = events;
        this.json = json;
        this.confirmWithin = confirmWithin;
    }

    /** From a check-out: the whole time between check-in and check-out, to be confirmed by staff. */
    long fromCheckOut(Recruitment r, long volunteerId, OffsetDateTime in, OffsetDateTime out) {
        int minutes = (int) Math.max(1, Duration.between(in, out).toMinutes());
        return insert(r, volunteerId, r.title(), in, out.isAfter(in.plusMinutes(minutes)) ? out : in.plusMinutes(minutes),
                minutes, "CHECK_IN");
    }

    record Submission(Long recruitmentId, String startedAt, String endedAt, Integer netMinutes, String content) {
    }

    /** A volunteer whose check-in was missed submits their hours for confirmation. */
    @Transactional
    long submit(Volunteer v, Submission in) {
        if (in.recruitmentId() == null) {
            throw LinliException.invalidField("recruitmentId", "RECRUITMENT_NOT_FOUND", "");
        }
        boolean signedUp = jdbc.sql("""
                select count(*) from recruitment_signup where recruitment_id = ? and volunteer_id = ?
                   and status = 'CONFIRMED'""").params(in.recruitmentId(), v.id()).query(Integer.class).single() > 0;
        Recruitment r = recruitments.find(in.recruitmentId()).filter(x -> signedUp)
                .orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", in.recruitmentId()));
        OffsetDateTime start = RequestTimes.moment("startedAt", in.startedAt());
        OffsetDateTime end = RequestTimes.moment("endedAt", in.endedAt());
        checkTimes(start, end, in.netMinutes());
        if (start.isAfter(OffsetDateTime.now())) {
            throw LinliException.invalidField("startedAt", "SERVICE_IN_FUTURE");
        }
        String content = PlainText.check("content", in.content(), 300);
        return insert(r, v.id(), content == null ? r.title() : content, start, end, in.netMinutes(), "SUBMITTED");
    }

    static void checkTimes(OffsetDateTime start, OffsetDateTime end, Integer netMinutes) {
        if (!end.isAfter(start)) {
            throw LinliException.invalidField("endedAt", "ACTIVITY_ENDS_BEFORE_START");
        }
        if (netMinutes == null || netMinutes < 1) {
            throw LinliException.invalidField("netMinutes", "NET_MINUTES_REQUIRED");
        }
        long span = Duration.between(start, end).toMinutes();
        if (netMinutes > span) {
            throw LinliException.invalidField("netMinutes", "NET_MINUTES_TOO_LONG", netMinutes, span);
        }
    }

    private long insert(Recruitment r, long volunteerId, String content, OffsetDateTime start, OffsetDateTime end,
            int netMinutes, String source) {
        String organiser = centers.find(r.centerCode()).map(c -> c.nameZh()).orElse(r.centerCode());
        String inCharge = jdbc.sql("select created_by from recruitment where id = ?").param(r.id())
                .query(Long.class).optional().flatMap(accounts::contact).map(AccountDirectory.Contact::displayName)
                .orElse(null);
        try {
            return jdbc.sql("""
                    insert into service_record (volunteer_id, recruitment_id, center_code, activity_title, service_date,
                           place, content, started_at, ended_at, net_minutes, organiser, person_in_charge, source,
                           confirm_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(volunteerId, r.id(), r.centerCode(), r.title(),
                            start.atZoneSameInstant(RequestTimes.ZONE).toLocalDate(), r.place(), content, start, end,
                            netMinutes, organiser, inCharge, source, end.plus(confirmWithin))
                    .query(Long.class).single();
        } catch (DuplicateKeyException twice) {
            throw LinliException.conflict("SERVICE_RECORD_EXISTS", r.title());
        }
    }

    Optional<ServiceRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_record where id = ?").param(id)
                .query(ServiceRecord.class).optional();
    }

    List<ServiceRecord> ofVolunteer(long volunteerId) {
        return jdbc.sql("select " + COLUMNS + " from service_record where volunteer_id = ? "
                + "order by service_date desc, id desc").param(volunteerId).query(ServiceRecord.class).list();
    }

    List<ServiceRecord> pending(String centerCode, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from service_record where center_code = ? and status = 'PENDING' "
                + "order by confirm_by, id limit ? offset ?").params(centerCode, limit, offset)
                .query(ServiceRecord.class).list();
    }

    int countPending(String centerCode) {
        return jdbc.sql("select count(*) from service_record where center_code = ? and status = 'PENDING'")
                .param(centerCode).query(Integer.class).single();
    }

    /** Staff of the organising center confirm (optionally lowering the net minutes); raises the event once. */
    @Transactional
    ServiceRecord confirm(String centerCode, long id, Integer netMinutes, long staff) {
        ServiceRecord record = jdbc.sql("select " + COLUMNS + " from service_record where id = ? and center_code = ? "
                + "for update").params(id, centerCode).query(ServiceRecord.class).optional()
                .orElseThrow(() -> LinliException.notFound("SERVICE_RECORD_NOT_FOUND", id));
        if (!record.pending()) {
            throw LinliException.conflict("SERVICE_RECORD_DECIDED");
        }
        int minutes = netMinutes == null ? record.netMinutes() : netMinutes;
        checkTimes(record.startedAt(), record.endedAt(), minutes);
        jdbc.sql("""
                update service_record set status = 'CONFIRMED', net_minutes = ?, confirmed_by = ?, confirmed_at = now()
                 where id = ?""").params(minutes, staff, id).update();
        Volunteer v = volunteers.byId(record.volunteerId()).orElseThrow();
        events.publishEvent(new ServiceHoursRecorded(id, v.id(), v.accountId(), centerCode, minutes,
                record.serviceDate(), record.startedAt(), record.endedAt()));
        return find(id).orElseThrow();
    }

    @Transactional
    void reject(String centerCode, long id, long staff) {
        int n = jdbc.sql("""
                update service_record set status = 'REJECTED', confirmed_by = ?, confirmed_at = now()
                 where id = ? and center_code = ? and status = 'PENDING'""").params(staff, id, centerCode).update();
        if (n == 0) {
            throw find(id).filter(r -> r.centerCode().equals(centerCode)).isPresent()
                    ? LinliException.conflict("SERVICE_RECORD_DECIDED")
                    : LinliException.notFound("SERVICE_RECORD_NOT_FOUND", id);
        }
    }

    record CorrectionRequest(String startedAt, String endedAt, Integer netMinutes, String reason) {
    }

    record Correction(long id, long recordId, String reason, OffsetDateTime proposedStartedAt,
            OffsetDateTime proposedEndedAt, int proposedNetMinutes, String previous, String status,
            OffsetDateTime createdAt) {
    }

    /** The volunteer asks for a correction of their own record; one open request at a time. */
    @Transactional
    long requestCorrection(Volunteer v, long recordId, CorrectionRequest in) {
        ServiceRecord record = find(recordId).filter(r -> r.volunteerId() == v.id())
                .orElseThrow(() -> LinliException.notFound("SERVICE_RECORD_NOT_FOUND", recordId));
        String reason = PlainText.check("reason", in.reason(), 300);
        if (reason == null) {
            throw LinliException.invalidField("reason", "CORRECTION_REASON_REQUIRED");
        }
        OffsetDateTime start = RequestTimes.moment("startedAt", in.startedAt());
        OffsetDateTime end = RequestTimes.moment("endedAt", in.endedAt());
        checkTimes(start, end, in.netMinutes());
        try {
            return jdbc.sql("""
                    insert into service_record_correction (record_id, requested_by, reason, proposed_started_at,
                           proposed_ended_at, proposed_net_minutes) values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(record.id(), v.accountId() == null ? v.guardianAccountId() : v.accountId(), reason, start,
                            end, in.netMinutes())
                    .query(Long.class).single();
        } catch (DuplicateKeyException open) {
            throw LinliException.conflict("CORRECTION_PENDING");
        }
    }

    List<Correction> corrections(long recordId) {
        return jdbc.sql("""
                select id, record_id, reason, proposed_started_at, proposed_ended_at, proposed_net_minutes,
                       previous::text as previous, status, created_at
                  from service_record_correction where record_id = ? order by id""").param(recordId)
                .query(Correction.class).list();
    }

    List<Correction> openCorrections(String centerCode) {
        return jdbc.sql("""
                select c.id, c.record_id, c.reason, c.proposed_started_at, c.proposed_ended_at, c.proposed_net_minutes,
                       c.previous::text as previous, c.status, c.created_at
                  from service_record_correction c join service_record r on r.id = c.record_id
                 where r.center_code = ? and c.status = 'PENDING' order by c.id limit 100""").param(centerCode)
                .query(Correction.class).list();
    }

    /** Staff review a correction: approving amends the record and keeps what it said before on the request. */
    @Transactional
    void decide(String centerCode, long correctionId, boolean approve, long staff) {
        Correction c = jdbc.sql("""
                select c.id, c.record_id, c.reason, c.proposed_started_at, c.proposed_ended_at, c.proposed_net_minutes,
                       c.previous::text as previous, c.status, c.created_at
                  from service_record_correction c join service_record r on r.id = c.record_id
                 where c.id = ? and r.center_code = ? for update of c""").params(correctionId, centerCode)
                .query(Correction.class).optional()
                .orElseThrow(() -> LinliException.notFound("CORRECTION_NOT_FOUND", correctionId));
        if (!"PENDING".equals(c.status())) {
            throw LinliException.conflict("CORRECTION_DECIDED");
        }
        ServiceRecord before = jdbc.sql("select " + COLUMNS + " from service_record where id = ? for update")
                .param(c.recordId()).query(ServiceRecord.class).single();
        String previous = json.writeValueAsString(Map.of("startedAt", before.startedAt().toString(),
                "endedAt", before.endedAt().toString(), "netMinutes", before.netMinutes(), "status", before.status()));
        jdbc.sql("""
                update service_record_correction set status = ?, reviewed_by = ?, reviewed_at = now(),
                       previous = cast(? as jsonb) where id = ?""")
                .params(approve ? "APPROVED" : "REJECTED", staff, previous, correctionId).update();
        if (!approve) {
            return;
        }
        jdbc.sql("""
                update service_record set started_at = ?, ended_at = ?, net_minutes = ?, service_date = ? where id = ?""")
                .params(c.proposedStartedAt(), c.proposedEndedAt(), c.proposedNetMinutes(),
                        c.proposedStartedAt().atZoneSameInstant(RequestTimes.ZONE).toLocalDate(), c.recordId())
                .update();
        if ("CONFIRMED".equals(before.status()) && (before.netMinutes() != c.proposedNetMinutes()
                || !before.startedAt().isEqual(c.proposedStartedAt()))) {
            Volunteer v = volunteers.byId(before.volunteerId()).orElseThrow();
            events.publishEvent(new ServiceHoursCorrected(before.id(), correctionId, v.id(), v.accountId(),
                    centerCode, before.netMinutes(), before.startedAt(), c.proposedNetMinutes(),
                    c.proposedStartedAt()));
        }
    }
}
