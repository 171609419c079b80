package org.linli.homevisits.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.applications.ApplicationDesk;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.linli.platform.SensitiveData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits: asked for by the resident, a family member named in the register, or staff; assigned by the
 * center admin (or any staff, if the center allows) to one or two of its staff or volunteers; recorded
 * by the visitor, with an application registered on the resident's behalf when one was handled (the
 * resident's signature on the visitor's phone confirms it); a follow-up scheduled; overdue ones shown.
 */
@Service
class HomeVisits implements org.linli.homevisits.HomeVisitHistory {

    static final Set<String> PURPOSES = Set.of("APPLICATION", "PENSION_CHECK", "CHECK_IN", "SIGN_FORM");
    private static final int MAX_SIGNATURE_BYTES = 300_000;

    record Visit(long id, String centerCode, long profileId, String maskedName, String reason, String purpose,
            String itemCode, String preferredTimes, String note, String requestedVia, String status, LocalDate dueOn,
            LocalDate visitDate, Long visitor1, Long visitor2, String applicationNumber, OffsetDateTime doneAt,
            OffsetDateTime createdAt) {
    }

    record Request(String purpose, String itemCode, String preferredTimes, String note, LocalDate dueOn) {
    }

    record Done(String summary, String itemCode, Map<String, Object> fields, String signature, Integer nextInDays) {
    }

    private final JdbcClient jdbc;
    private final HomeCareRegister register;
    private final AccountDirectory accounts;
    private final ApplicationDesk desk;
    private final SensitiveData crypto;
    private final org.springframework.context.ApplicationEventPublisher events;

    HomeVisits(JdbcClient jdbc, HomeCareRegister register, AccountDirectory accounts, ApplicationDesk desk,
            SensitiveData crypto, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.register = register;
        this.accounts = accounts;
        this.desk = desk;
        this.crypto = crypto;
    }

    private static final String SELECT = """
            select v.id, v.center_code, v.profile_id, p.masked_name, p.reason, v.purpose, v.item_code,
                   v.preferred_times, v.note, v.requested_via, v.status, v.due_on, v.visit_date, v.visitor_1 as visitor1,
                   v.visitor_2 as visitor2, v.application_number, v.done_at, v.created_at
              from home_visit v join home_care_profile p on p.id = v.profile_id
            """;

    /** Asks for a visit for a register entry; the entry's consent must be on file (an erased one is not). */
    @Transactional
    Visit request(HomeCareRegister.Entry entry, long by, String via, Request r) {
        if (lockProfile(entry.id())) {
            throw LinliException.conflict("HOME_CARE_NO_CONSENT");
        }
        if (r.purpose() == null || !PURPOSES.contains(r.purpose())) {
            throw LinliException.invalidField("purpose", "HOME_VISIT_PURPOSE_UNKNOWN");
        }
        String item = PlainText.check("itemCode", r.itemCode(), 60);
        if ("APPLICATION".equals(r.purpose()) && item == null) {
            throw LinliException.invalidField("itemCode", "HOME_VISIT_ITEM_REQUIRED");
        }
        long id = jdbc.sql("""
                insert into home_visit (center_code, profile_id, purpose, item_code, preferred_times, note,
                                        requested_by, requested_via, due_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(entry.centerCode(), entry.id(), r.purpose(), item,
                        PlainText.check("preferredTimes", r.preferredTimes(), 100),
                        PlainText.check("note", r.note(), 500), by, via, r.dueOn())
                .query(Long.class).single();
        return find(entry.centerCode(), id);
    }

    /** The center a visit belongs to (for the visitor's and resident's paths, which carry no center). */
    String centerOf(long id) {
        return jdbc.sql("select center_code from home_visit where id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> LinliException.notFound("HOME_VISIT_NOT_FOUND", id));
    }

    /**
     * Locks the register entry (profile before visit, the order erasure takes too) and says whether it
     * has been erased.
     */
    private boolean lockProfile(long profileId) {
        return jdbc.sql("select erased_at is not null from home_care_profile where id = ? for no key update")
                .param(profileId).query(Boolean.class).optional().orElse(true);
    }

    Visit find(String centerCode, long id) {
        return jdbc.sql(SELECT + " where v.center_code = ? and v.id = ?").params(centerCode, id).query(Visit.class)
                .optional().orElseThrow(() -> LinliException.notFound("HOME_VISIT_NOT_FOUND", id));
    }

    private Visit locked(String centerCode, long id) {
        jdbc.sql("select id from home_visit where center_code = ? and id = ? for update").params(centerCode, id)
                .query(Long.class).optional()
                .orElseThrow(() -> LinliException.notFound("HOME_VISIT_NOT_FOUND", id));
        return find(centerCode, id);
    }

    boolean staffMayAssign(String centerCode) {
        return jdbc.sql("select staff_may_assign from home_visit_setting where center_code = ?").param(centerCode)
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    void staffMayAssign(String centerCode, boolean allowed) {
        jdbc.sql("""
                insert into home_visit_setting (center_code, staff_may_assign) values (?, ?)
                on conflict (center_code) do update set staff_may_assign = excluded.staff_may_assign""")
                .params(centerCode, allowed).update();
    }

    /** Whether the account is (still) staff or a volunteer of exactly this center. */
    boolean isVisitor(String centerCode, long account) {
        return accounts.staffAt(centerCode).stream().anyMatch(c -> c.accountId() == account)
                || accounts.holds(account, Role.VOLUNTEER, centerCode);
    }

    /** Staff or volunteers of exactly this center may visit; anyone else is not found here. */
    private void requireVisitor(String centerCode, long account) {
        if (!isVisitor(centerCode, account)) {
            throw LinliException.notFound("VISITOR_NOT_FOUND", account);
        }
    }

    @Transactional
    Visit assign(String centerCode, long visitId, LocalDate date, List<Long> visitors, long by) {
        if (visitors == null || visitors.isEmpty() || visitors.size() > 2 || visitors.stream().anyMatch(java.util.Objects::isNull)
                || (visitors.size() == 2 && visitors.get(0).equals(visitors.get(1)))) {
            throw LinliException.invalidField("visitorIds", "HOME_VISIT_VISITORS");
        }
        if (date == null || date.isBefore(LocalDate.now(RequestTimes.ZONE))) {
            throw LinliException.invalidField("date", "DATE_IN_PAST");
        }
        visitors.forEach(v -> requireVisitor(centerCode, v));
        Visit visit = locked(centerCode, visitId);
        if (!"REQUESTED".equals(visit.status()) && !"ASSIGNED".equals(visit.status())) {
            throw LinliException.conflict("HOME_VISIT_CLOSED");
        }
        jdbc.sql("""
                update home_visit set status = 'ASSIGNED', visit_date = ?, visitor_1 = ?, visitor_2 = ?, assigned_by = ?
                 where id = ?""").params(date, visitors.get(0), visitors.size() > 1 ? visitors.get(1) : null, by,
                        visitId).update();
        return find(centerCode, visitId);
    }

    @Transactional
    Visit cancel(String centerCode, long visitId) {
        Visit visit = locked(centerCode, visitId);
        if (!"REQUESTED".equals(visit.status()) && !"ASSIGNED".equals(visit.status())) {
            throw LinliException.conflict("HOME_VISIT_CLOSED");
        }
        jdbc.sql("update home_visit set status = 'CANCELLED' where id = ?").param(visitId).update();
        return find(centerCode, visitId);
    }

    /** A visit assigned to me (as first or second visitor) for a day. */
    List<Visit> assignedTo(long visitor, LocalDate day) {
        return jdbc.sql(SELECT + " where v.status = 'ASSIGNED' and v.visit_date = ? and (v.visitor_1 = ? or v.visitor_2 = ?)"
                + " order by v.id").params(day, visitor, visitor).query(Visit.class).list();
    }

    /**
     * The visitor records what was done. An application handled at home is registered through the
     * applications module in the same transaction, and needs the resident's signature; a follow-up
     * visit can be scheduled. A refusal (the form's field, a missing signature) writes nothing.
     */
    @Transactional
    Visit record(String centerCode, long visitId, long visitor, Done done) {
        boolean erased = lockProfile(find(centerCode, visitId).profileId());
        Visit visit = locked(centerCode, visitId);
        if (!Long.valueOf(visitor).equals(visit.visitor1()) && !Long.valueOf(visitor).equals(visit.visitor2())) {
            throw LinliException.forbidden("HOME_VISIT_NOT_YOURS");
        }
        if (!isVisitor(centerCode, visitor)) {
            throw LinliException.notFound("HOME_VISIT_NOT_FOUND", visitId);
        }
        if (erased) {
            throw LinliException.conflict("HOME_VISIT_CLOSED");
        }
        if (!"ASSIGNED".equals(visit.status())) {
            throw LinliException.conflict("HOME_VISIT_CLOSED");
        }
        String summary = PlainText.check("summary", done.summary(), 1000);
        if (summary == null) {
            throw LinliException.invalidField("summary", "HOME_VISIT_SUMMARY_REQUIRED");
        }
        Integer next = done.nextInDays();
        if (next != null && (next < 1 || next > 92)) {
            throw LinliException.invalidField("nextInDays", "HOME_VISIT_NEXT_RANGE");
        }
        String item = PlainText.check("itemCode", done.itemCode(), 60);
        byte[] signature = signature(done.signature(), item != null);
        HomeCareRegister.Entry entry = register.find(centerCode, visit.profileId()).orElseThrow();
        ApplicationDesk.Registered application = item == null ? null
                : desk.registerAtHome(centerCode, visitor, entry.residentId(), item,
                        done.fields() == null ? Map.of() : done.fields());
        jdbc.sql("""
                update home_visit set status = 'DONE', record_sealed = ?, signature_sealed = ?, application_id = ?,
                       application_number = ?, done_by = ?, done_at = now(), reason = ? where id = ?""")
                .params(crypto.seal(summary), signature == null ? null : crypto.seal(
                        Base64.getEncoder().encodeToString(signature)), application == null ? null
                        : application.applicationId(), application == null ? null : application.number(), visitor,
                        entry.reason(), visitId).update();
        events.publishEvent(new org.linli.homevisits.HomeVisitRecorded(visitId, centerCode, visit.visitDate(),
                entry.reason(), visit.purpose()));
        if (next != null) {
            Visit followUp = request(entry, visitor, "FOLLOW_UP", new Request("CHECK_IN", null, entry.preferredTimes(),
                    null, LocalDate.now(RequestTimes.ZONE).plusDays(next)));
            jdbc.sql("update home_visit set follow_up_of = ? where id = ?").params(visitId, followUp.id()).update();
        }
        return find(centerCode, visitId);
    }

    /** A PNG drawn on the visitor's screen, sent as a data URL; required when an application was handled. */
    static byte[] signature(String dataUrl, boolean required) {
        if (dataUrl == null || dataUrl.isBlank()) {
            if (required) {
                throw LinliException.invalidField("signature", "HOME_VISIT_SIGNATURE_REQUIRED");
            }
            return null;
        }
        String prefix = "data:image/png;base64,";
        if (!dataUrl.startsWith(prefix) || dataUrl.length() > MAX_SIGNATURE_BYTES * 4 / 3 + prefix.length() + 4) {
            throw LinliException.invalidField("signature", "HOME_VISIT_SIGNATURE_INVALID");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw LinliException.invalidField("signature", "HOME_VISIT_SIGNATURE_INVALID");
        }
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < 64 || !java.util.Arrays.equals(java.util.Arrays.copyOf(png, 8), magic)) {
            throw LinliException.invalidField("signature", "HOME_VISIT_SIGNATURE_INVALID");
        }
        return png;
    }

    /** Open visits, or only those whose due day has passed. */
    List<Visit> open(String centerCode, boolean overdueOnly, int limit, int offset) {
        return jdbc.sql(SELECT + " where v.center_code = ? and v.status in ('REQUESTED', 'ASSIGNED')"
                + (overdueOnly ? " and coalesce(v.visit_date, v.due_on) < current_date" : "")
                + " order by coalesce(v.visit_date, v.due_on, v.created_at::date), v.id limit ? offset ?")
                .params(centerCode, limit, offset).query(Visit.class).list();
    }

    int openCount(String centerCode, boolean overdueOnly) {
        return jdbc.sql("select count(*) from home_visit v where v.center_code = ? and v.status in ('REQUESTED', 'ASSIGNED')"
                + (overdueOnly ? " and coalesce(v.visit_date, v.due_on) < current_date" : ""))
                .param(centerCode).query(Integer.class).single();
    }

    List<Visit> ofProfile(long profileId) {
        return jdbc.sql(SELECT + " where v.profile_id = ? order by v.id desc").param(profileId).query(Visit.class)
                .list();
    }

    @Override
    public List<org.linli.homevisits.HomeVisitRecorded> done(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select v.id as visit_id, v.center_code, v.visit_date as day, coalesce(v.reason, p.reason) as reason,
                       v.purpose
                  from home_visit v join home_care_profile p on p.id = v.profile_id
                 where v.status = 'DONE' and v.visit_date between ? and ? order by v.id""").params(from, to)
                .query(org.linli.homevisits.HomeVisitRecorded.class).list();
    }

    record Summary(String month, int visits, Map<String, Integer> byReason, Map<String, Integer> byVisitor,
            Map<String, Integer> byPurpose) {
    }

    /** The month's visits done, by reason, purpose and visitor (an erased entry still counts by its reason). */
    Summary summary(String centerCode, YearMonth month) {
        record Row(String reason, String purpose, Long visitor1, Long visitor2) {
        }
        List<Row> rows = jdbc.sql("""
                select p.reason, v.purpose, v.visitor_1 as visitor1, v.visitor_2 as visitor2
                  from home_visit v join home_care_profile p on p.id = v.profile_id
                 where v.center_code = ? and v.status = 'DONE' and v.visit_date between ? and ?""")
                .params(centerCode, month.atDay(1), month.atEndOfMonth()).query(Row.class).list();
        Map<String, Integer> byReason = new LinkedHashMap<>();
        Map<String, Integer> byPurpose = new LinkedHashMap<>();
        Map<Long, Integer> byVisitorId = new LinkedHashMap<>();
        for (Row r : rows) {
            byReason.merge(r.reason(), 1, Integer::sum);
            byPurpose.merge(r.purpose(), 1, Integer::sum);
            byVisitorId.merge(r.visitor1(), 1, Integer::sum);
            if (r.visitor2() != null) {
                byVisitorId.merge(r.visitor2(), 1, Integer::sum);
            }
        }
        Map<Long, AccountDirectory.Contact> names = accounts.contacts(byVisitorId.keySet());
        Map<String, Integer> byVisitor = new LinkedHashMap<>();
        byVisitorId.forEach((id, n) -> byVisitor.merge(names.containsKey(id) ? names.get(id).displayName() : "#" + id,
                n, Integer::sum));
        return new Summary(month.toString(), rows.size(), byReason, byVisitor, byPurpose);
    }
}
