package org.linli.residents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.linli.platform.SensitiveData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persons, with sealing and opening of sensitive fields done here and nowhere else. */
@Repository
class PersonRepository {

    private static final String SELECT = """
            select p.id, p.account_id, p.real_name_enc, p.id_number_enc, p.address_enc, p.birth_date, p.sex,
                   c.code as home_center, p.anonymised_at is not null as anonymised
              from person p left join center c on c.id = p.home_center_id
            """;

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    PersonRepository(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    Optional<Person> findById(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::map).optional();
    }

    /** Several persons in one query (lists staff keep: attendance, households). */
    List<Person> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.id in (:ids)").param("ids", ids).query(this::map).list();
    }

    Optional<Person> findByAccount(long accountId) {
        return jdbc.sql(SELECT + " where p.account_id = ?").param(accountId).query(this::map).optional();
    }

    Optional<Person> findByIdNumber(String idNumber) {
        return jdbc.sql(SELECT + " where p.id_number_hash = ?").param(sensitive.lookupHash(idNumber)).query(this::map)
                .optional();
    }

    Optional<Person> findByPhone(String phone) {
        return jdbc.sql(SELECT + " join account a on a.id = p.account_id where a.phone = ?").param(phone)
                .query(this::map).optional();
    }

    long insert(Long accountId, String realName, String idNumber, String address, LocalDate birthDate, String sex,
            String homeCenter, Long registeredBy) {
        return jdbc.sql("""
                insert into person (account_id, real_name_enc, id_number_enc, id_number_hash, address_enc, birth_date,
                                    sex, home_center_id, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, (select id from center where code = ?), ?) returning id
                """).params(accountId, sensitive.seal(realName), sensitive.seal(idNumber), sensitive.lookupHash(idNumber),
                sensitive.seal(address), birthDate, sex, homeCenter, registeredBy).query(Long.class).single();
    }

    void update(long id, String realName, String idNumber, String address, LocalDate birthDate, String sex,
            String homeCenter) {
        jdbc.sql("""
                update person set real_name_enc = ?, id_number_enc = ?, id_number_hash = ?, address_enc = ?,
                       birth_date = ?, sex = ?, home_center_id = (select id from center where code = ?), updated_at = now()
                 where id = ?
                """).params(sensitive.seal(realName), sensitive.seal(idNumber), sensitive.lookupHash(idNumber),
                sensitive.seal(address), birthDate, sex, homeCenter, id).update();
    }

    void attach(long personId, long accountId) {
        jdbc.sql("update person set account_id = ?, updated_at = now() where id = ? and account_id is null")
                .params(accountId, personId).update();
    }

    /** Keeps what statistics need (birth year, sex, home center), removes everything that identifies. */
    void anonymise(long id) {
        jdbc.sql("""
                update person set real_name_enc = null, id_number_enc = null, id_number_hash = null, address_enc = null,
                       birth_date = make_date(extract(year from birth_date)::int, 1, 1), account_id = null,
                       anonymised_at = now(), updated_at = now() where id = ?
                """).param(id).update();
    }

    boolean idNumberTakenByOther(String idNumber, Long personId) {
        return jdbc.sql("select count(*) from person where id_number_hash = ? and id <> coalesce(?, -1)")
                .params(sensitive.lookupHash(idNumber), personId).query(Long.class).single() > 0;
    }

    long addConsent(long personId, String purpose, Long givenBy, String detail) {
        return jdbc.sql("insert into consent (person_id, purpose, given_by, detail) values (?, ?, ?, ?) returning id")
                .params(personId, purpose, givenBy, detail).query(Long.class).single();
    }

    List<ConsentView> consents(long personId) {
        return jdbc.sql("""
                select id, purpose, given_by, given_at, withdrawn_at, detail from consent where person_id = ? order by id
                """).param(personId).query((rs, n) -> new ConsentView(rs.getLong(1), rs.getString(2),
                (Long) rs.getObject(3), rs.getObject(4, java.time.OffsetDateTime.class),
                rs.getObject(5, java.time.OffsetDateTime.class), rs.getString(6))).list();
    }

    record ConsentView(long id, String purpose, Long givenBy, java.time.OffsetDateTime givenAt,
            java.time.OffsetDateTime withdrawnAt, String detail) {
    }

    record GivenConsent(long id, long personId, String purpose, java.time.OffsetDateTime withdrawnAt) {
    }

    /** Consents the account gave (for itself or for someone it looks after), newest first. */
    List<GivenConsent> consentsGivenBy(long accountId) {
        return jdbc.sql("select id, person_id, purpose, withdrawn_at from consent where given_by = ? order by id desc")
                .param(accountId).query((rs, n) -> new GivenConsent(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class))).list();
    }

    Optional<GivenConsent> consentGivenBy(long consentId, long accountId) {
        return jdbc.sql("""
                select id, person_id, purpose, withdrawn_at from consent where id = ? and given_by = ? for update
                """).params(consentId, accountId).query((rs, n) -> new GivenConsent(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class))).optional();
    }

    void withdrawConsent(long consentId) {
        jdbc.sql("update consent set withdrawn_at = now() where id = ?").param(consentId).update();
    }

    void endLinksOf(long consentId) {
        jdbc.sql("update household_link set status = 'DECLINED', decided_at = now() where consent_id = ?")
                .param(consentId).update();
    }

    private Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), (Long) rs.getObject("account_id"), sensitive.open(rs.getString("real_name_enc")),
                sensitive.open(rs.getString("id_number_enc")), sensitive.open(rs.getString("address_enc")),
                rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("home_center"),
                rs.getBoolean("anonymised"));
    }
}
