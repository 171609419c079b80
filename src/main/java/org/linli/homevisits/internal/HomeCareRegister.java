package org.linli.homevisits.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.PlainText;
import org.linli.platform.SensitiveData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register of residents who may need home service. Only what a visit needs is collected, and only
 * with consent (by whom, when, for what). The reason stays readable for statistics; the name, address,
 * disability grade, health and access notes and the contact person are one sealed document, opened
 * only for the center's admins (the register) and the visitor on the day — each opening audited.
 */
@Service
class HomeCareRegister {

    static final Set<String> REASONS = Set.of("AGE_80_PLUS", "DISABILITY", "LIVES_ALONE", "TEMPORARY_ILLNESS",
            "OTHER");

    /** What is sealed. */
    record Details(String name, String address, String building, String room, Integer disabilityGrade,
            String health, String accessNotes, String contactName, String contactPhone) {
    }

    record Entry(long id, String centerCode, long residentId, String reason, String maskedName,
            String preferredTimes, Long familyId, long consentBy, OffsetDateTime consentAt, String consentPurpose,
            OffsetDateTime erasedAt) {
    }

    record Input(String residentPhone, String name, String reason, Integer disabilityGrade, String address,
            String building, String room, String health, String accessNotes, String contactName, String contactPhone,
            String familyPhone, String preferredTimes, Boolean consent, String consentPurpose) {
    }

    private final JdbcClient jdbc;
    private final SensitiveData crypto;
    private final AccountDirectory accounts;
    private final AuditLog audit;
    private final JsonMapper json;

    HomeCareRegister(JdbcClient jdbc, SensitiveData crypto, AccountDirectory accounts, AuditLog audit,
            JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Staff add (or update) a resident's entry, with the consent they obtained. Nothing is kept without it. */
    @Transactional
    Entry record(String centerCode, long staff, Input in) {
        return find(centerCode, write(centerCode, staff, in)).orElseThrow();
    }

    /** The entry written (or updated), its id returned without reading it back (an import writes thousands). */
    @Transactional
    long write(String centerCode, long staff, Input in) {
        Map<String, String> wrong = problems(in);
        if (!wrong.isEmpty()) {
            // the first wrong field, in the form's order
            Map.Entry<String, String> first = wrong.entrySet().iterator().next();
            throw LinliException.invalidField(first.getKey(), first.getValue());
        }
        PhoneNumber phone = PhoneNumber.parseOrNull(in.residentPhone());
        String name = PlainText.check("name", in.name(), 30);
        Integer grade = "DISABILITY".equals(in.reason()) ? in.disabilityGrade() : null; // only what the reason needs
        String building = PlainText.check("building", in.building(), 40);
        String room = PlainText.check("room", in.room(), 20);
        String address = PlainText.check("address", in.address(), 120);
        String purpose = PlainText.check("consentPurpose", in.consentPurpose(), 200);
        PhoneNumber contactPhone = blank(in.contactPhone()) ? null : PhoneNumber.parseOrNull(in.contactPhone());
        PhoneNumber familyPhone = blank(in.familyPhone()) ? null : PhoneNumber.parseOrNull(in.familyPhone());
        Details details = new Details(name, address, building, room, grade,
                PlainText.check("health", in.health(), 300), PlainText.check("accessNotes", in.accessNotes(), 200),
                PlainText.check("contactName", in.contactName(), 30), contactPhone == null ? null : contactPhone.value());
        long resident = accounts.ensureResident(phone, name);
        Long family = familyPhone == null ? null : accounts.ensureResident(familyPhone, null);
        long id = jdbc.sql("""
                insert into home_care_profile (center_code, resident_id, reason, masked_name, sealed, family_id,
                                               preferred_times, consent_by, consent_at, consent_purpose)
                values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                on conflict (center_code, resident_id) do update set reason = excluded.reason,
                       masked_name = excluded.masked_name, sealed = excluded.sealed, family_id = excluded.family_id,
                       preferred_times = excluded.preferred_times, consent_by = excluded.consent_by,
                       consent_at = excluded.consent_at, consent_purpose = excluded.consent_purpose, erased_at = null
                returning id""")
                .params(centerCode, resident, in.reason(), mask(name), crypto.seal(json.writeValueAsString(details)),
                        family, PlainText.check("preferredTimes", in.preferredTimes(), 100), staff, purpose)
                .query(Long.class).single();
        audit.record(new AuditEvent(staff, null, "HOME_CARE_RECORDED", "home-care:" + id, centerCode, null,
                in.reason()));
        return id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A text field as PlainText cleans it; a refusal goes into {@code wrong} under its field. */
    private static String text(Map<String, String> wrong, String field, String value, int max) {
        try {
            return PlainText.check(field, value, max);
        } catch (LinliException refused) {
            wrong.putIfAbsent(field, refused.code());
            return "";
        }
    }

    /** Every wrong field of an entry, in the form's order (empty when it can be recorded). */
    Map<String, String> problems(Input in) {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (PhoneNumber.parseOrNull(in.residentPhone()) == null) {
            wrong.put("residentPhone", "PHONE_INVALID");
        }
        if (text(wrong, "name", in.name(), 30) == null) {
            wrong.put("name", "HOME_CARE_NAME_REQUIRED");
        }
        if (in.reason() == null || !REASONS.contains(in.reason())) {
            wrong.put("reason", "HOME_CARE_REASON_UNKNOWN");
        }
        Integer grade = in.disabilityGrade();
        if ("DISABILITY".equals(in.reason()) && (grade == null || grade < 1 || grade > 4)) {
            wrong.put("disabilityGrade", "DISABILITY_GRADE_INVALID");
        }
        String address = text(wrong, "address", in.address(), 120);
        String building = text(wrong, "building", in.building(), 40);
        String room = text(wrong, "room", in.room(), 20);
        if (address == null || building == null || room == null) {
            wrong.putIfAbsent(address == null ? "address" : building == null ? "building" : "room",
                    "ADDRESS_INCOMPLETE");
        }
        text(wrong, "accessNotes", in.accessNotes(), 200);
        text(wrong, "health", in.health(), 300);
        text(wrong, "contactName", in.contactName(), 30);
        text(wrong, "preferredTimes", in.preferredTimes(), 100);
        if (!Boolean.TRUE.equals(in.consent())) {
            wrong.put("consent", "CONSENT_REQUIRED");
        }
        if (text(wrong, "consentPurpose", in.consentPurpose(), 200) == null) {
            wrong.put("consentPurpose", "CONSENT_PURPOSE_REQUIRED");
        }
        if (!blank(in.contactPhone()) && PhoneNumber.parseOrNull(in.contactPhone()) == null) {
            wrong.put("contactPhone", "PHONE_INVALID");
        }
        if (!blank(in.familyPhone()) && PhoneNumber.parseOrNull(in.familyPhone()) == null) {
            wrong.put("familyPhone", "PHONE_INVALID");
        }
        return wrong;
    }

    static String mask(String name) {
        return name.length() <= 1 ? name + "*" : name.charAt(0) + "*".repeat(Math.min(name.length() - 1, 3));
    }

    Optional<Entry> find(String centerCode, long id) {
        return jdbc.sql("""
                select id, center_code, resident_id, reason, masked_name, preferred_times, family_id, consent_by,
                       consent_at, consent_purpose, erased_at
                  from home_care_profile where center_code = ? and id = ?""").params(centerCode, id)
                .query(Entry.class).optional();
    }

    /** The register as every staff member sees it: masked names and reasons, nothing sealed. */
    List<Entry> list(String centerCode, int limit, int offset) {
        return jdbc.sql("""
                select id, center_code, resident_id, reason, masked_name, preferred_times, family_id, consent_by,
                       consent_at, consent_purpose, erased_at
                  from home_care_profile where center_code = ? and erased_at is null order by id limit ? offset ?""")
                .params(centerCode, limit, offset).query(Entry.class).list();
    }

    int count(String centerCode) {
        return jdbc.sql("select count(*) from home_care_profile where center_code = ? and erased_at is null")
                .param(centerCode).query(Integer.class).single();
    }

    /** Opens the sealed details, and writes who looked at whose record and why. */
    Optional<Details> open(Entry entry, long viewer, String why) {
        String sealed = jdbc.sql("select sealed from home_care_profile where id = ?").param(entry.id())
                .query(String.class).optional().orElse(null);
        if (sealed == null) {
            return Optional.empty();
        }
        audit.record(new AuditEvent(viewer, null, "HOME_CARE_VIEWED", "home-care:" + entry.id(), entry.centerCode(),
                null, why));
        return Optional.of(json.readValue(crypto.open(sealed), Details.class));
    }

    /** The entries about this resident, or that name them as the family member who may ask for visits. */
    List<Entry> about(long account) {
        return jdbc.sql("""
                select id, center_code, resident_id, reason, masked_name, preferred_times, family_id, consent_by,
                       consent_at, consent_purpose, erased_at
                  from home_care_profile where (resident_id = ? or family_id = ?) and erased_at is null order by id""")
                .params(account, account).query(Entry.class).list();
    }

    /**
     * The resident asks for deletion: the sealed details, the visit notes and signatures go; the reason
     * and the visits stay as anonymised counts for statistics; open visits are cancelled.
     */
    @Transactional
    int erase(long resident) {
        List<Long> ids = jdbc.sql("select id from home_care_profile where resident_id = ? and erased_at is null for update")
                .param(resident).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("""
                    update home_care_profile set sealed = null, masked_name = '已删除', family_id = null,
                           preferred_times = null, erased_at = now() where id = ?""").param(id).update();
            jdbc.sql("""
                    update home_visit set record_sealed = null, signature_sealed = null, note = null,
                           preferred_times = null,
                           status = case when status in ('REQUESTED', 'ASSIGNED') then 'CANCELLED' else status end
                     where profile_id = ?""").param(id).update();
            audit.record(new AuditEvent(resident, null, "HOME_CARE_ERASED", "home-care:" + id, null, null, null));
        }
        return ids.size();
    }
}
