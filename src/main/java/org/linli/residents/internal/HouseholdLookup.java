package org.linli.residents.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.residents.HouseholdDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Answers other modules' questions about households from the person and household-link tables. */
@Service
class HouseholdLookup implements HouseholdDirectory {

    private final PersonRepository persons;
    private final JdbcClient jdbc;

    HouseholdLookup(PersonRepository persons, JdbcClient jdbc) {
        this.persons = persons;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDate> birthDate(long accountId) {
        return persons.findByAccount(accountId).map(Person::birthDate);
    }

    @Override
    public Optional<Member> self(long accountId) {
        return persons.findByAccount(accountId).filter(p -> p.idNumber() != null && !p.anonymised())
                .map(p -> new Member(p.id(), p.maskedName(), p.birthDate(), "SELF"));
    }

    @Override
    public List<Long> guardiansOf(long personId) {
        return jdbc.sql("""
                select g.account_id from household_link l join person g on g.id = l.person_id
                 where l.member_id = ? and l.relation = 'CHILD' and l.status = 'ACTIVE' and g.account_id is not null
                 order by l.id""").param(personId).query(Long.class).list();
    }

    @Override
    public Optional<String> homeCenter(long accountId) {
        return persons.findByAccount(accountId).map(Person::homeCenterCode);
    }

    @Override
    public List<Member> managedBy(long accountId) {
        Map<Long, String> relations = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select l.member_id, l.relation from household_link l join person me on me.id = l.person_id
                 where me.account_id = ? and l.status = 'ACTIVE' order by l.id""")
                .param(accountId).query((rs, n) -> relations.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Person> found = new HashMap<>();
        persons.findByIds(relations.keySet()).forEach(p -> found.put(p.id(), p));
        return relations.entrySet().stream().map(e -> found.get(e.getKey()))
                .filter(p -> p != null && !p.anonymised())
                .map(p -> new Member(p.id(), p.maskedName(), p.birthDate(), relations.get(p.id()))).toList();
    }

    @Override
    public Map<Long, String> maskedNames(Collection<Long> personIds) {
        Map<Long, String> names = new HashMap<>();
        persons.findByIds(personIds.stream().filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(p -> names.put(p.id(), p.maskedName()));
        return names;
    }
}
