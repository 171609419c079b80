package org.linli.identity;

import java.util.Optional;
import org.linli.identity.internal.AccountRepository;
import org.linli.platform.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may know about an account: how to reach it, and erasing it on request. */
@Service
public class AccountDirectory {

    private final AccountRepository accounts;
    private final JdbcClient jdbc;

    AccountDirectory(AccountRepository accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Phone (may be null), language ({@code zh-CN} unless chosen otherwise) and display name. */
    public record Contact(long accountId, String phone, String language, String displayName) {
    }

    public Optional<Contact> contact(long accountId) {
        return accounts.findById(accountId).map(a -> new Contact(a.id(), a.phone(),
                a.language() == null ? "zh-CN" : a.language(), a.displayName()));
    }

    /** The contacts of many accounts in one query (for lists: an activity's attendees), by account id. */
    public java.util.Map<Long, Contact> contacts(java.util.Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Contact> contacts = new java.util.HashMap<>();
        jdbc.sql("select id, phone, language, display_name from account where id in (:ids)")
                .param("ids", java.util.List.copyOf(accountIds))
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("phone"),
                        rs.getString("language") == null ? "zh-CN" : rs.getString("language"),
                        rs.getString("display_name")))
                .list().forEach(c -> contacts.put(c.accountId(), c));
        return contacts;
    }

    /** The staff (role STAFF) of exactly this center, one entry per person, by name. */
    public java.util.List<Contact> staffAt(String centerCode) {
        java.util.Map<Long, Contact> staff = new java.util.LinkedHashMap<>();
        accounts.staffAt(centerCode).stream().filter(s -> s.role() == org.linli.platform.Role.STAFF)
                .forEach(s -> staff.putIfAbsent(s.accountId(), new Contact(s.accountId(), null, "zh-CN",
                        s.displayName())));
        return java.util.List.copyOf(staff.values());
    }

    /** Whether the account holds the role at exactly this center (e.g. a volunteer of the center). */
    public boolean holds(long accountId, org.linli.platform.Role role, String centerCode) {
        return accounts.holds(accountId, role, centerCode);
    }

    public Optional<Long> idByUsername(String username) {
        return accounts.findByUsername(username).map(a -> a.id());
    }

    public Optional<Long> idByPhone(PhoneNumber phone) {
        return accounts.findByPhone(phone.value()).map(a -> a.id());
    }

    /** The resident account for this phone, created (with RESIDENT at the district) when there is none. */
    @Transactional
    public long ensureResident(PhoneNumber phone, String displayName) {
        String name = displayName == null || displayName.isBlank() ? "居民" + phone.value().substring(7)
                : displayName.strip();
        return accounts.findByPhone(phone.value()).map(a -> a.id()).orElseGet(() -> {
            Long created = jdbc.sql("""
                    insert into account (phone, display_name) values (?, ?) on conflict do nothing returning id
                    """).params(phone.value(), name).query(Long.class).optional().orElse(null);
            if (created == null) {
                // another request created it a moment ago
                return accounts.findByPhone(phone.value()).orElseThrow().id();
            }
            jdbc.sql("""
                    insert into role_grant (account_id, role, center_id)
                    select ?, 'RESIDENT', id from center where level = 'DISTRICT'
                    """).param(created).update();
            return created;
        });
    }

    /**
     * Grants a role held for a purpose other modules manage (a merchant's operator, a volunteer); holding
     * it already is not an error. Staff and admin roles are granted through staff management only.
     */
    public void grant(long accountId, org.linli.platform.Role role, String centerCode, String merchantCode) {
        if (role.administrative() || role == org.linli.platform.Role.STAFF) {
            throw new IllegalArgumentException("staff roles are granted by staff management: " + role);
        }
        accounts.grant(accountId, role, centerCode, merchantCode, null);
    }

    /**
     * Erases an account: no phone, username, password or roles any more, every sign-in revoked. The row
     * stays (anonymised) so that records pointing at it keep their meaning for statistics.
     */
    @Transactional
    public void erase(long accountId) {
        jdbc.sql("""
                update account set phone = null, username = null, password_hash = null, display_name = '已注销',
                       language = null, elder_mode = null, erased_at = now() where id = ?
                """).param(accountId).update();
        jdbc.sql("delete from role_grant where account_id = ?").param(accountId).update();
        jdbc.sql("update refresh_token set revoked_at = now() where account_id = ? and revoked_at is null")
                .param(accountId).update();
        jdbc.sql("delete from spring_session where principal_name = ?").param(Callers.PRINCIPAL_PREFIX + accountId)
                .update();
    }
}
