package org.linli.identity;

import org.linli.platform.Role;

/** A (role, scope) pair: the role held at a center and everything under it. */
public record RoleGrant(long id, Role role, String centerCode, String merchantCode) {
}
