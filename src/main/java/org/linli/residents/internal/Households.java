package org.linli.residents.internal;

import java.time.LocalDate;
import java.util.List;
import org.linli.identity.AccountDirectory;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.residents.HouseholdLinkRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: a parent registers a minor child (recording the guardian's consent); a grown child asks
 * to link an elderly parent, who must accept before the link counts.
 */
@Service
class Households {

    private final PersonRepository persons;
    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;

    Households(PersonRepository persons, JdbcClient jdbc, AccountDirectory accounts, ApplicationEventPublisher events) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
    }

    record Member(long linkId, long personId, String relation, String status, String maskedName,
            String maskedIdNumber, Integer age, boolean managedByMe) {
    }

    @Transactional
    Member addChild(long guardianAccountId, String realName, String idNumber) {
        Person guardian = requireOwnDetails(guardianAccountId);
        String name = IdNumbers.name("realName", realName);
        IdCardNumber id = IdNumbers.parse("idNumber", idNumber);
        if (id.ageOn(LocalDate.now(org.linli.platform.RequestTimes.ZONE)) >= 18) {
            throw LinliException.invalidField("idNumber", "CHILD_NOT_MINOR");
        }
        if (persons.idNumberTakenByOther(id.value(), null)) {
            throw LinliException.conflict("ID_NUMBER_TAKEN");
        }
        long child = persons.insert(null, name, id.value(), null, id.birthDate(), id.male() ? "M" : "F",
                guardian.homeCenterCode(), guardianAccountId);
        long consent = persons.addConsent(child, "GUARDIAN_OF_MINOR", guardianAccountId, "监护人代为登记未成年人信息");
        long link = jdbc.sql("""
                insert into household_link (person_id, member_id, relation, status, consent_id, decided_at)
                values (?, ?, 'CHILD', 'ACTIVE', ?, now()) returning id
                """).params(guardian.id(), child, consent).query(Long.class).single();
        return members(guardianAccountId).stream().filter(m -> m.linkId() == link).findFirst().orElseThrow();
    }

    @Transactional
    void requestParentLink(long requesterAccountId, String parentPhone, String relation) {
        Person requester = requireOwnDetails(requesterAccountId);
        PhoneNumber phone = PhoneNumber.parseOrNull(parentPhone);
        if (phone == null) {
            throw LinliException.invalidField("phone", "PHONE_INVALID");
        }
        String kind = relation == null ? "PARENT" : relation;
        if (!List.of("PARENT", "GRANDPARENT", "SPOUSE", "OTHER").contains(kind)) {
            throw LinliException.invalidField("relation", "RELATION_INVALID");
        }
        Person parent = persons.findByPhone(phone.value())
                .filter(p -> p.idNumber() != null)
                .orElseThrow(() -> LinliException.invalidField("phone", "RELATIVE_NOT_REGISTERED"));
        if (parent.id() == requester.id()) {
            throw LinliException.invalidField("phone", "RELATIVE_IS_SELF");
        }
        Long link = jdbc.sql("""
                insert into household_link (person_id, member_id, relation, status) values (?, ?, ?, 'PENDING')
                on conflict (person_id, member_id) do nothing returning id
                """).params(requester.id(), parent.id(), kind).query(Long.class).optional().orElse(null);
        if (link == null) {
            throw LinliException.conflict("LINK_EXISTS");
        }
        events.publishEvent(new HouseholdLinkRequested(link, parent.accountId(),
                accounts.contact(requesterAccountId).map(AccountDirectory.Contact::displayName).orElse("")));
    }

    /** The parent answers a request addressed to them; accepting records their consent. */
    @Transactional
    void decide(long parentAccountId, long linkId, boolean accept) {
        Person parent = requireOwnDetails(parentAccountId);
        int decided = jdbc.sql("""
                update household_link set status = ?, decided_at = now()
                 where id = ? and member_id = ? and status = 'PENDING'
                """).params(accept ? "ACTIVE" : "DECLINED", linkId, parent.id()).update();
        if (decided == 0) {
            throw LinliException.notFound("LINK_NOT_FOUND");
        }
        if (accept) {
            long consent = persons.addConsent(parent.id(), "HOUSEHOLD_LINK", parentAccountId, "同意加入子女的家庭账户");
            jdbc.sql("update household_link set consent_id = ? where id = ?").params(consent, linkId).update();
        }
    }

    /** Members I manage, and requests addressed to me. */
    List<Member> members(long accountId) {
        Person me = persons.findByAccount(accountId).orElse(null);
        if (me == null) {
            return List.of();
        }
        return jdbc.sql("""
                select l.id, l.relation, l.status, l.member_id, l.person_id from household_link l
                 where (l.person_id = ? or l.member_id = ?) and l.status <> 'DECLINED' order by l.id
                """).params(me.id(), me.id()).query((rs, n) -> {
                    boolean mine = rs.getLong(5) == me.id();
                    if (mine && rs.getString(3).equals("PENDING")) {
                        // nothing about the other person until they consent
                        return new Member(rs.getLong(1), 0, rs.getString(2), rs.getString(3), null, null, null, true);
                    }
                    Person other = persons.findById(mine ? rs.getLong(4) : rs.getLong(5)).orElseThrow();
                    return new Member(rs.getLong(1), other.id(), rs.getString(2), rs.getString(3), other.maskedName(),
                            other.maskedIdNumber(),
                            other.birthDate() == null ? null : java.time.Period.between(other.birthDate(), LocalDate.now(org.linli.platform.RequestTimes.ZONE)).getYears(),
                            mine);
                }).list();
    }

    private Person requireOwnDetails(long accountId) {
        return persons.findByAccount(accountId).filter(p -> p.idNumber() != null)
                .orElseThrow(() -> LinliException.conflict("REAL_NAME_REQUIRED"));
    }
}
