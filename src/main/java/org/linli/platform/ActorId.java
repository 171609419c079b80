package org.linli.platform;

import java.security.Principal;

/**
 * The account id behind a request's principal, for the audit log of modules that cannot depend on
 * identity: {@code 123} (a bearer token's subject) or {@code account:123} (a web session).
 */
public final class ActorId {

    private ActorId() {
    }

    public static Long of(Principal principal) {
        if (principal == null || principal.getName() == null) {
            return null;
        }
        String name = principal.getName();
        int colon = name.indexOf(':');
        try {
            return Long.valueOf(colon >= 0 ? name.substring(colon + 1) : name);
        } catch (NumberFormatException notAnAccount) {
            return null;
        }
    }
}
