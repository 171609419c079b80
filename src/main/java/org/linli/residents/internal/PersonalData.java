package org.linli.residents.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's rights over their data (PIPL arts. 44–47): see all of it, take it away, have it erased. */
@Service
class PersonalData {

    private final PersonRepository persons;
    private final Households households;
    private final AuditLog audit;
    private final AccountDirectory accounts;

    PersonalData(PersonRepository persons, Households households, AuditLog audit, AccountDirectory accounts) {
        this.persons = persons;
        this.households = households;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Everything Linli holds about the account's person, unmasked: it is their own. */
    Map<String, Object> export(long accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        accounts.contact(accountId).ifPresent(c -> data.put("account", Map.of("id", c.accountId(),
                "displayName", c.displayName(), "phone", c.phone() == null ? "" : c.phone(), "language", c.language())));
        persons.findByAccount(accountId).ifPresent(p -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("realName", p.realName());
            person.put("idNumber", p.idNumber());
            person.put("address", p.address());
            person.put("birthDate", p.birthDate());
            person.put("sex", p.sex());
            person.put("homeCenterCode", p.homeCenterCode());
            data.put("realName", person);
            data.put("consents", persons.consents(p.id()));
            data.put("household", households.members(accountId));
            data.put("accessLog", whoLooked(p.id()).stream().map(MyDetailsApiController::look).toList());
        });
        data.put("activity", audit.byActor(accountId, 200));
        return data;
    }

    List<AuditLog.Entry> whoLooked(long personId) {
        return audit.about(ResidentLookup.subject(personId), List.of("ID_NUMBER_REVEALED"));
    }

    /**
     * Withdraws a consent the caller gave. Withdrawing consent to a household link ends the link;
     * withdrawing a guardian's consent erases the child's record (anonymised). Consent to hold one's
     * own real-name details is withdrawn by erasing them, not here.
     */
    @Transactional
    void withdrawConsent(long accountId, long consentId, String clientIp) {
        var consent = persons.consentGivenBy(consentId, accountId)
                .orElseThrow(() -> LinliException.notFound("CONSENT_NOT_FOUND"));
        if (consent.withdrawnAt() != null) {
            throw LinliException.conflict("CONSENT_WITHDRAWN");
        }
        switch (consent.purpose()) {
            case "HOUSEHOLD_LINK" -> persons.endLinksOf(consentId);
            case "GUARDIAN_OF_MINOR" -> persons.anonymise(consent.personId());
            default -> throw LinliException.conflict("CONSENT_NOT_WITHDRAWABLE");
        }
        persons.withdrawConsent(consentId);
        audit.record(new AuditEvent(accountId, null, "CONSENT_WITHDRAWN", "consent:" + consentId, null, clientIp,
                consent.purpose()));
    }

    /**
     * Erases the person: identifying fields removed, the record kept anonymised (birth year, sex, home
     * center) for statistics; children registered by them are erased too; the account is closed.
     */
    @Transactional
    void erase(long accountId, String clientIp) {
        persons.findByAccount(accountId).ifPresent(p -> {
            households.members(accountId).stream()
                    .filter(m -> m.managedByMe() && m.relation().equals("CHILD"))
                    .forEach(m -> persons.anonymise(m.personId()));
            persons.anonymise(p.id());
        });
        audit.record(new AuditEvent(accountId, null, "PERSONAL_DATA_ERASED", "account:" + accountId, null, clientIp,
                null));
        accounts.erase(accountId);
    }
}
