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
        Map<String, String> wrong = new LinkedHashMap<>();
        PhoneNumber phone = PhoneNumber.parseOrNull(in.residentPhone());
        if (phone == null) {
            wrong.put("residentPhone", "PHONE_INVALID");
        }
        String name = PlainText.check("name", in.name(), 30);
        if (name == null) {
            wrong.put("name", "HOME_CARE_NAME_REQUIRED");
        }
        if (in.reason() == null || !REASONS.contains(in.reason())) {
            wrong.put("reason", "HOME_CARE_REASON_UNKNOWN");
        }
        Integer grade = in.disabilityGrade();
        if ("DISABILITY".equals(in.reason()) && (grade == null || grade < 1 || grade > 4)) {
            wrong.put("disabilityGrade", "DISABILITY_GRADE_INVALID");
        }
        if (!"DISABILITY".equals(in.reason())) {
            grade = null; // only what the reason needs
        }
        String building = PlainText.check("building", in.building(), 40);
        String room = PlainText.check("room", in.room(), 20);
        String address = PlainText.check("address", in.address(), 120);
        if (address == null || building == null || room == null) {
            wrong.put(address == null ? "address" : building == null ? "building" : "room", "ADDRESS_INCOMPLETE");
        }
        if (!Boolean.TRUE.equals(in.consent())) {
            wrong.put("consent", "CONSENT_REQUIRED");
        }
        String purpose = PlainText.check("consentPurpose", in.consentPurpose(), 200);
        if (purpose == null) {
            wrong.put("consentPurpose", "CONSENT_PURPOSE_REQUIRED");
        }
        PhoneNumber contactPhone = in.contactPhone() == null || in.contactPhone().isBlank() ? null
                : PhoneNumber.parseOrNull(in.contactPhone());
        if (in.contactPhone() != null && !in.contactPhone().isBlank() && contactPhone == null) {
            wrong.put("contactPhone", "PHONE_INVALID");
        }
        PhoneNumber familyPhone = in.familyPhone() == null || in.familyPhone().isBlank() ? null
                : PhoneNumber.parseOrNull(in.familyPhone());
        if (in.familyPhone() != null && !in.familyPhone().isBlank() && familyPhone == null) {
            wrong.put("familyPhone", "PHONE_INVALID");
        }
        if (!wrong.isEmpty()) {
            // the first wrong field, in the form's order
            Map.Entry<String, String> first = wrong.entrySet().iterator().next();
            throw LinliException.invalidField(first.getKey(), first.getValue());
        }
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
        return find(centerCode, id).orElseThrow();
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
