package org.linli.residents.internal;

import java.util.List;
import java.util.Optional;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.centers.Centers;
import org.linli.identity.Caller;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.residents.IdNumberRevealed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff look residents up within their center's scope and see masked details. Seeing a full ID number
 * takes a reason, is written to the audit log in the same transaction, and the resident is told.
 */
@Service
class ResidentLookup {

    private final PersonRepository persons;
    private final Centers centers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ResidentLookup(PersonRepository persons, Centers centers, AuditLog audit, ApplicationEventPublisher events) {
        this.persons = persons;
        this.centers = centers;
        this.audit = audit;
        this.events = events;
    }

    /** By mobile number or exact ID number; only residents whose home center is in {@code centerCode}'s subtree. */
    Optional<Person> find(String centerCode, String query) {
        String q = query == null ? "" : query.trim();
        PhoneNumber phone = PhoneNumber.parseOrNull(q);
        Optional<Person> found;
        if (phone != null) {
            found = persons.findByPhone(phone.value());
        } else if (IdCardNumber.problem(IdCardNumber.normalise(q), java.time.LocalDate.now(org.linli.platform.RequestTimes.ZONE)) == null) {
            found = persons.findByIdNumber(IdCardNumber.normalise(q));
        } else {
            throw LinliException.invalidField("q", "LOOKUP_QUERY_INVALID");
        }
        List<String> scope = centers.subtree(centerCode);
        return found.filter(p -> p.homeCenterCode() != null && scope.contains(p.homeCenterCode()) && !p.anonymised());
    }

    Person require(String centerCode, long personId) {
        List<String> scope = centers.subtree(centerCode);
        return persons.findById(personId)
                .filter(p -> p.homeCenterCode() != null && scope.contains(p.homeCenterCode()) && !p.anonymised())
                .orElseThrow(() -> LinliException.notFound("RESIDENT_NOT_FOUND"));
    }

    @Transactional
    String reveal(Caller staff, String centerCode, long personId, String reason, String clientIp) {
        Person person = require(centerCode, personId);
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 2 || why.length() > 200) {
            throw LinliException.invalidField("reason", "REVEAL_REASON_REQUIRED");
        }
        if (person.idNumber() == null) {
            throw LinliException.conflict("REAL_NAME_REQUIRED");
        }
        long auditId = audit.record(new AuditEvent(staff.accountId(), staff.displayName(), "ID_NUMBER_REVEALED",
                subject(personId), person.homeCenterCode(), clientIp, why));
        if (person.accountId() != null) {
            events.publishEvent(new IdNumberRevealed(auditId, person.accountId(), staff.displayName(), centerCode, why));
        }
        return person.idNumber();
    }

    static String subject(long personId) {
        return "person:" + personId;
    }
}
