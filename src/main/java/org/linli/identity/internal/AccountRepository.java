package org.linli.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.identity.RoleGrant;
import org.linli.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private static final String SELECT = """
            select id, username, phone, display_name, password_hash, password_changed_at, failed_logins,
                   locked_until, language, elder_mode from account
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AccountRepository::map).optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = ?").param(username).query(AccountRepository::map).optional();
    }

    /** Locks the row for the rest of the transaction (counting failures must not race). */
    public Optional<Account> lockByUsername(String username) {
        return jdbc.sql(SELECT + " where username = ? for update").param(username).query(AccountRepository::map)
                .optional();
    }

    public Optional<Account> findByPhone(String phone) {
        return jdbc.sql(SELECT + " where phone = ?").param(phone).query(AccountRepository::map).optional();
    }

    public long createResident(String phone, String displayName) {
        return jdbc.sql("insert into account (phone, display_name) values (?, ?) returning id")
                .params(phone, displayName).query(Long.class).single();
    }

    public long createWithPassword(String username, String displayName, String passwordHash, String phone) {
        return jdbc.sql("""
                insert into account (username, display_name, password_hash, password_changed_at, phone)
                values (?, ?, ?, now(), ?) returning id
                """).params(username, displayName, passwordHash, phone).query(Long.class).single();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    public void recordFailure(long id, int failures, OffsetDateTime lockedUntil) {
        jdbc.sql("update account set failed_logins = ?, locked_until = ? where id = ?")
                .params(failures, lockedUntil, id).update();
    }

    public void recordSuccess(long id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
    }

    public void changePassword(long id, String hash) {
        jdbc.sql("update account set password_hash = ?, password_changed_at = now() where id = ?")
                .params(hash, id).update();
    }

    public void savePreferences(long id, String language, Boolean elderMode) {
        jdbc.sql("""
                update account set language = coalesce(?, language), elder_mode = coalesce(?, elder_mode) where id = ?
                """).params(language, elderMode, id).update();
    }

    public List<RoleGrant> grants(long accountId) {
        return jdbc.sql("""
                select g.id, g.role, c.code, g.merchant_code from role_grant g join center c on c.id = g.center_id
                 where g.account_id = ? order by g.id
                """).param(accountId).query((rs, row) -> new RoleGrant(rs.getLong(1), Role.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4))).list();
    }

    /** Idempotent: holding the role already is not an error. Returns the grant's id. */
    public long grant(long accountId, Role role, String centerCode, String merchantCode, Long grantedBy) {
        return jdbc.sql("""
                insert into role_grant (account_id, role, center_id, merchant_code, granted_by)
                values (?, ?, (select id from center where code = ?), ?, ?)
                on conflict (account_id, role, center_id, coalesce(merchant_code, '')) do update set role = excluded.role
                returning id
                """).params(accountId, role.name(), centerCode, merchantCode, grantedBy).query(Long.class).single();
    }

    public Optional<StaffMember> grantAt(long grantId, String centerCode) {
        return jdbc.sql(STAFF + " where g.id = ? and c.code = ?").params(grantId, centerCode)
                .query(AccountRepository::staff).optional();
    }

    public void revokeGrant(long grantId) {
        jdbc.sql("delete from role_grant where id = ?").param(grantId).update();
    }

    private static final String STAFF = """
            select g.id as grant_id, g.role, a.id as account_id, a.username, a.display_name, c.code
              from role_grant g join account a on a.id = g.account_id join center c on c.id = g.center_id
            """;

    /** Everyone holding a non-resident role at exactly this center. */
    public List<StaffMember> staffAt(String centerCode) {
        return jdbc.sql(STAFF + " where c.code = ? and g.role not in ('RESIDENT', 'VOLUNTEER') order by a.display_name, g.role")
                .param(centerCode).query(AccountRepository::staff).list();
    }

    /** Whether the account holds the role at exactly this center. */
    public boolean holds(long accountId, Role role, String centerCode) {
        return jdbc.sql("""
                select exists (select 1 from role_grant g join center c on c.id = g.center_id
                                where g.account_id = ? and g.role = ? and c.code = ?)""")
                .params(accountId, role.name(), centerCode).query(Boolean.class).single();
    }

    public record StaffMember(long grantId, Role role, long accountId, String username, String displayName,
            String centerCode) {
    }

    private static StaffMember staff(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getLong("grant_id"), Role.valueOf(rs.getString("role")), rs.getLong("account_id"),
                rs.getString("username"), rs.getString("display_name"), rs.getString("code"));
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("phone"),
                rs.getString("display_name"), rs.getString("password_hash"),
                rs.getObject("password_changed_at", OffsetDateTime.class), rs.getInt("failed_logins"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getString("language"),
                (Boolean) rs.getObject("elder_mode"));
    }
}
