package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.platform.SensitiveData;
import org.linli.residents.HouseholdDirectory;
import org.linli.volunteering.GuardianConsentRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering volunteers. The age comes from the real-name record: 18 and over register themselves;
 * 14–17 register themselves and wait for a guardian's consent; under 14 only a guardian registers
 * them (PIPL Art. 31), which is their consent.
 */
@Service
class Volunteers {

    enum Availability {
        WEEKDAY_DAYTIME, WEEKDAY_EVENING, WEEKEND, HOLIDAY
    }

    record Form(List<String> skills, List<String> languages, List<String> availability, List<String> serviceAreas,
            String emergencyName, String emergencyPhone, String centerCode) {
    }

    private final VolunteerRepository repository;
    private final HouseholdDirectory households;
    private final Centers centers;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final org.linli.identity.AccountDirectory accounts;

    Volunteers(VolunteerRepository repository, HouseholdDirectory households, Centers centers,
            SensitiveData sensitive, JdbcClient jdbc, ApplicationEventPublisher events,
            org.linli.identity.AccountDirectory accounts) {
        this.accounts = accounts;
        this.repository = repository;
        this.households = households;
        this.centers = centers;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The account holder registers themself. */
    @Transactional
    Volunteer register(long accountId, Form form) {
        HouseholdDirectory.Member me = households.self(accountId)
                .orElseThrow(() -> LinliException.conflict("REAL_NAME_REQUIRED"));
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        int age = java.time.Period.between(me.birthDate(), today).getYears();
        if (age < 14) {
            throw LinliException.forbidden("VOLUNTEER_UNDER_14");
        }
        List<Long> guardians = age < 18 ? households.guardiansOf(me.personId()) : List.of();
        if (age < 18 && guardians.isEmpty()) {
            throw LinliException.conflict("GUARDIAN_LINK_REQUIRED");
        }
        Volunteer v = insert(me, accountId, null, age < 18 ? "PENDING_CONSENT" : "ACTIVE", form, accountId);
        for (long guardian : guardians) {
            events.publishEvent(new GuardianConsentRequested(v.id(), guardian, me.maskedName()));
        }
        return v;
    }

    /**
     * Staff register an adult from the volunteer register their center kept, after recording the
     * real-name details the register holds; the resident's consent is the register's.
     */
    @Transactional
    Volunteer registerFromRegister(long accountId, Form form) {
        HouseholdDirectory.Member me = households.self(accountId)
                .orElseThrow(() -> LinliException.conflict("REAL_NAME_REQUIRED"));
        if (java.time.Period.between(me.birthDate(), LocalDate.now(RequestTimes.ZONE)).getYears() < 18) {
            throw LinliException.invalidField("idNumber", "VOLUNTEER_IMPORT_ADULTS_ONLY");
        }
        return insert(me, accountId, null, "ACTIVE", form, accountId);
    }

    /** The first thing wrong with a form (its field named), or empty when it can be registered. */
    java.util.Optional<LinliException> problem(Form form) {
        try {
            check(form, null);
            return java.util.Optional.empty();
        } catch (LinliException wrong) {
            return java.util.Optional.of(wrong);
        }
    }

    /** A guardian registers a minor child of their household; registering is the guardian's consent. */
    @Transactional
    Volunteer registerChild(long guardianAccountId, long personId, Form form) {
        HouseholdDirectory.Member child = households.managedMember(guardianAccountId, personId)
                .filter(m -> "CHILD".equals(m.relation()))
                .orElseThrow(() -> LinliException.notFound("HOUSEHOLD_MEMBER_NOT_FOUND", personId));
        if (child.birthDate() == null
                || java.time.Period.between(child.birthDate(), LocalDate.now(RequestTimes.ZONE)).getYears() >= 18) {
            throw LinliException.invalidField("personId", "VOLUNTEER_NOT_MINOR");
        }
        return insert(child, null, guardianAccountId, "ACTIVE", form, guardianAccountId);
    }

    /** A guardian consents to their teenager's own registration. */
    @Transactional
    Volunteer consent(long guardianAccountId, long volunteerId) {
        Volunteer v = repository.byId(volunteerId)
                .filter(x -> households.guardiansOf(x.personId()).contains(guardianAccountId))
                .orElseThrow(() -> LinliException.notFound("VOLUNTEER_NOT_FOUND", volunteerId));
        if (!"PENDING_CONSENT".equals(v.status())) {
            throw LinliException.conflict("CONSENT_NOT_PENDING");
        }
        jdbc.sql("""
                update volunteer set status = 'ACTIVE', guardian_account_id = ?, guardian_consent_at = now()
                 where id = ?""").params(guardianAccountId, volunteerId).update();
        return repository.byId(volunteerId).orElseThrow();
    }

    /** Changes skills, availability and the emergency contact; the rest is fixed at registration. */
    @Transactional
    Volunteer update(long accountId, Form form) {
        Volunteer v = repository.byAccount(accountId)
                .orElseThrow(() -> LinliException.notFound("VOLUNTEER_NOT_FOUND", accountId));
        Checked c = check(form, v.centerCode());
        jdbc.sql("""
                update volunteer set skills = cast(? as jsonb), languages = cast(? as jsonb),
                       availability = cast(? as jsonb), service_areas = cast(? as jsonb), emergency_name_enc = ?,
                       emergency_phone_enc = ? where id = ?""")
                .params(repository.array(c.skills()), repository.array(c.languages()),
                        repository.array(c.availability()), repository.array(c.areas()), sensitive.seal(c.name()),
                        sensitive.seal(c.phone()), v.id())
                .update();
        return repository.byId(v.id()).orElseThrow();
    }

    Optional<Volunteer> ofAccount(long accountId) {
        return repository.byAccount(accountId);
    }

    /** The emergency contact, opened for the volunteer or staff, masked. */
    String emergencyMasked(Volunteer v) {
        String name = sensitive.open(v.emergencyNameSealed());
        String phone = sensitive.open(v.emergencyPhoneSealed());
        if (name == null && phone == null) {
            return "";
        }
        return (name == null ? "" : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1))) + " "
                + (phone == null ? "" : new PhoneNumber(phone).masked());
    }

    private record Checked(List<String> skills, List<String> languages, List<String> availability, List<String> areas,
            String name, String phone, String center) {
    }

    private Checked check(Form form, String fallbackCenter) {
        List<String> availability = new ArrayList<>();
        for (String a : form.availability() == null ? List.<String>of() : form.availability()) {
            try {
                availability.add(Availability.valueOf(a).name());
            } catch (IllegalArgumentException unknown) {
                throw LinliException.invalidField("availability", "AVAILABILITY_UNKNOWN", a);
            }
        }
        String center = form.centerCode() == null || form.centerCode().isBlank() ? fallbackCenter : form.centerCode();
        if (center == null || centers.find(center).filter(c -> c.level() == CenterLevel.COMMUNITY).isEmpty()) {
            throw LinliException.invalidField("centerCode", "VOLUNTEER_CENTER_REQUIRED");
        }
        String phone = null;
        if (form.emergencyPhone() != null && !form.emergencyPhone().isBlank()) {
            PhoneNumber p = PhoneNumber.parseOrNull(form.emergencyPhone());
            if (p == null) {
                throw LinliException.invalidField("emergencyPhone", "PHONE_INVALID");
            }
            phone = p.value();
        }
        return new Checked(words("skills", form.skills()), words("languages", form.languages()), availability,
                words("serviceAreas", form.serviceAreas()), PlainText.check("emergencyName", form.emergencyName(), 50),
                phone, center);
    }

    /** Short tags (a skill, a language): trimmed, no duplicates, at most 20 of 20 characters each. */
    static List<String> words(String field, List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            String w = PlainText.check(field, v, 20);
            if (w != null && !out.contains(w)) {
                out.add(w);
            }
        }
        if (out.size() > 20) {
            throw LinliException.invalidField(field, "TOO_MANY_TAGS", 20);
        }
        return out;
    }

    private Volunteer insert(HouseholdDirectory.Member person, Long accountId, Long guardian, String status,
            Form form, long caller) {
        if (repository.byPerson(person.personId()).isPresent()) {
            throw LinliException.conflict("VOLUNTEER_EXISTS");
        }
        String home = households.homeCenter(caller).orElse(null);
        Checked c = check(form, home);
        try {
            long id = jdbc.sql("""
                    insert into volunteer (person_id, account_id, guardian_account_id, guardian_consent_at, number,
                           center_code, birth_date, skills, languages, availability, service_areas, emergency_name_enc,
                           emergency_phone_enc, status)
                    values (?, ?, ?, case when cast(? as bigint) is null then null else now() end, ?, ?, ?, cast(? as jsonb),
                            cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?)
                    returning id""")
                    .params(person.personId(), accountId, guardian, guardian, repository.nextNumber(
                            LocalDate.now(RequestTimes.ZONE)), c.center(), person.birthDate(),
                            repository.array(c.skills()), repository.array(c.languages()),
                            repository.array(c.availability()), repository.array(c.areas()), sensitive.seal(c.name()),
                            sensitive.seal(c.phone()), status)
                    .query(Long.class).single();
            if (accountId != null) {
                // a volunteer also holds RESIDENT; the VOLUNTEER grant is at the center they serve
                accounts.grant(accountId, org.linli.platform.Role.VOLUNTEER, c.center(), null);
            }
            return repository.byId(id).orElseThrow();
        } catch (DuplicateKeyException twice) {
            throw LinliException.conflict("VOLUNTEER_EXISTS");
        }
    }
}
