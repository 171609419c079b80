package org.linli.residents.internal;

import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.residents.RealNameRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident records or corrects their own real-name details. Under 14 only a guardian may register
 * someone (PIPL art. 31), so a child's own account is refused with the reason.
 */
@Service
class RealNameDetails {

    static final int GUARDIAN_AGE = 14;

    private final PersonRepository persons;
    private final Centers centers;
    private final ApplicationEventPublisher events;

    RealNameDetails(PersonRepository persons, Centers centers, ApplicationEventPublisher events) {
        this.persons = persons;
        this.centers = centers;
        this.events = events;
    }

    record Command(String realName, String idNumber, String address, String homeCenterCode) {
    }

    @Transactional
    Person record(long accountId, Command command) {
        return record(accountId, command, accountId, "本人提交实名信息");
    }

    /**
     * Records the details; {@code recordedBy} is the account holder themself or the staff member who
     * took them (from a register the resident consented to), and the consent note says which.
     */
    @Transactional
    Person record(long accountId, Command command, long recordedBy, String consentNote) {
        String name = IdNumbers.name("realName", command.realName());
        IdCardNumber id = IdNumbers.parse("idNumber", command.idNumber());
        if (id.ageOn(java.time.LocalDate.now(org.linli.platform.RequestTimes.ZONE)) < GUARDIAN_AGE) {
            throw LinliException.forbidden("MINOR_NEEDS_GUARDIAN", GUARDIAN_AGE);
        }
        String home = homeCenter(command.homeCenterCode());
        String address = command.address() == null || command.address().isBlank() ? null : command.address().trim();
        if (address != null && address.length() > 200) {
            throw LinliException.invalidField("address", "ADDRESS_INVALID");
        }
        Person existing = persons.findByAccount(accountId).orElse(null);
        if (existing == null) {
            existing = registeredByGuardian(accountId, name, id).orElse(null);
        }
        if (persons.idNumberTakenByOther(id.value(), existing == null ? null : existing.id())) {
            throw LinliException.conflict("ID_NUMBER_TAKEN");
        }
        long personId;
        if (existing == null) {
            personId = persons.insert(accountId, name, id.value(), address, id.birthDate(), id.male() ? "M" : "F", home,
                    recordedBy);
            persons.addConsent(personId, "REAL_NAME", accountId, consentNote);
        } else {
            personId = existing.id();
            persons.update(personId, name, id.value(), address, id.birthDate(), id.male() ? "M" : "F", home);
        }
        events.publishEvent(new RealNameRecorded(java.util.UUID.randomUUID(), personId, accountId, existing != null));
        return persons.findById(personId).orElseThrow();
    }

    /**
     * A child a guardian registered earlier, now old enough to have an account: the same ID number and
     * the same name take over that record (household link and consents stay with it).
     */
    private java.util.Optional<Person> registeredByGuardian(long accountId, String name, IdCardNumber id) {
        return persons.findByIdNumber(id.value())
                .filter(p -> p.accountId() == null && !p.anonymised() && name.equals(p.realName()))
                .map(p -> {
                    persons.attach(p.id(), accountId);
                    return p;
                });
    }

    private String homeCenter(String code) {
        if (code == null || code.isBlank()) {
            throw LinliException.invalidField("homeCenterCode", "HOME_CENTER_REQUIRED");
        }
        var center = centers.find(code.trim())
                .orElseThrow(() -> LinliException.invalidField("homeCenterCode", "CENTER_NOT_FOUND", code));
        if (center.level() != CenterLevel.COMMUNITY) {
            throw LinliException.invalidField("homeCenterCode", "HOME_CENTER_NOT_COMMUNITY");
        }
        return center.code().value();
    }
}
