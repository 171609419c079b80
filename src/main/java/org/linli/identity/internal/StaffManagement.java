package org.linli.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.identity.Caller;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may give which role where. A center admin adds staff to their center; a street admin also
 * appoints center admins in their street; the district admin appoints anyone. A center admin also
 * holds STAFF there. Visibility of the center itself is checked before this runs (access interceptor).
 */
@Service
public class StaffManagement {

    private final AccountRepository accounts;
    private final Centers centers;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    StaffManagement(AccountRepository accounts, Centers centers, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.centers = centers;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** Roles the caller may give at this center. */
    public Set<Role> grantable(Caller caller, Center center) {
        var path = centers.path(center).stream().map(c -> c.code().value()).toList();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (caller.covers(path, Set.of(Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN))) {
            roles.add(Role.STAFF);
        }
        if (caller.covers(path, Set.of(Role.STREET_ADMIN, Role.DISTRICT_ADMIN))) {
            roles.add(Role.CENTER_ADMIN);
            if (center.level() == CenterLevel.STREET) {
                roles.add(Role.STREET_ADMIN);
            }
        }
        if (caller.covers(path, Set.of(Role.DISTRICT_ADMIN))) {
            if (center.level() == CenterLevel.DISTRICT) {
                roles.addAll(EnumSet.of(Role.DISTRICT_ADMIN, Role.AUDITOR));
            }
            roles.add(Role.PARTNER_COORDINATOR);
        }
        return roles;
    }

    @Transactional
    public long addStaff(Caller caller, String centerCode, String username, String displayName, String password,
            String clientIp) {
        Center center = centers.require(centerCode);
        if (!grantable(caller, center).contains(Role.STAFF)) {
            throw LinliException.forbidden("FORBIDDEN");
        }
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!name.matches("[a-z][a-z0-9._-]{2,39}")) {
            throw LinliException.invalidField("username", "USERNAME_INVALID");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
            throw LinliException.invalidField("displayName", "DISPLAY_NAME_INVALID");
        }
        if (!PasswordPolicy.acceptable(password)) {
            throw LinliException.invalidField("password", "PASSWORD_WEAK");
        }
        if (accounts.usernameTaken(name)) {
            throw LinliException.conflict("USERNAME_TAKEN", name);
        }
        long id;
        try {
            id = accounts.createWithPassword(name, displayName.trim(), encoder.encode(password), null);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw LinliException.conflict("USERNAME_TAKEN", name);
        }
        accounts.grant(id, Role.STAFF, centerCode, null, caller.accountId());
        audit.record(new AuditEvent(caller.accountId(), null, "ROLE_GRANTED", name, centerCode, clientIp, "STAFF"));
        return id;
    }

    @Transactional
    public void grant(Caller caller, String centerCode, String username, Role role, String clientIp) {
        Center center = centers.require(centerCode);
        if (role == null) {
            throw LinliException.invalidField("role", "ROLE_INVALID");
        }
        if (!grantable(caller, center).contains(role)) {
            throw LinliException.forbidden("ROLE_NOT_GRANTABLE", role.name());
        }
        Account account = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> LinliException.invalidField("username", "ACCOUNT_NOT_FOUND"));
        accounts.grant(account.id(), role, centerCode, null, caller.accountId());
        if (role == Role.CENTER_ADMIN) {
            accounts.grant(account.id(), Role.STAFF, centerCode, null, caller.accountId());
        }
        audit.record(new AuditEvent(caller.accountId(), null, "ROLE_GRANTED", account.username(), centerCode,
                clientIp, role.name()));
    }

    @Transactional
    public void revoke(Caller caller, String centerCode, long grantId, String clientIp) {
        Center center = centers.require(centerCode);
        AccountRepository.StaffMember member = accounts.grantAt(grantId, centerCode)
                .orElseThrow(() -> LinliException.notFound("GRANT_NOT_FOUND"));
        if (!grantable(caller, center).contains(member.role())) {
            throw LinliException.forbidden("ROLE_NOT_GRANTABLE", member.role().name());
        }
        if (member.accountId() == caller.accountId()) {
            throw LinliException.conflict("ROLE_OWN");
        }
        accounts.revokeGrant(grantId);
        audit.record(new AuditEvent(caller.accountId(), null, "ROLE_REVOKED", member.username(), centerCode,
                clientIp, member.role().name()));
    }
}
