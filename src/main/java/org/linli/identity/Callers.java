package org.linli.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.identity.internal.Account;
import org.linli.identity.internal.AccountRepository;
import org.linli.identity.internal.IdentityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling: from the web session or the bearer token, with grants read fresh from the
 * database once per request (a role taken away counts at once, not when a token expires).
 */
@Service
public class Callers {

    /** Principal names of web sessions: {@code account:<id>}. */
    public static final String PRINCIPAL_PREFIX = "account:";
    private static final String CACHE = Callers.class.getName();

    private final AccountRepository accounts;
    private final IdentityProperties properties;
    private final org.linli.centers.Centers centers;

    Callers(AccountRepository accounts, IdentityProperties properties, org.linli.centers.Centers centers) {
        this.accounts = accounts;
        this.properties = properties;
        this.centers = centers;
    }

    /** Admins of a center: its own, its street's and the district's. */
    public static final java.util.Set<org.linli.platform.Role> ADMINS = java.util.EnumSet.of(
            org.linli.platform.Role.CENTER_ADMIN, org.linli.platform.Role.STREET_ADMIN,
            org.linli.platform.Role.DISTRICT_ADMIN);

    /**
     * Whether the signed-in caller holds one of the roles at the center or at a center above it (the
     * street, the district); false for nobody signed in or an unknown center.
     */
    public boolean holdsAt(String centerCode, java.util.Set<org.linli.platform.Role> roles) {
        return current().flatMap(c -> centers.find(centerCode).map(center -> c.covers(centers.path(center).stream()
                .map(x -> x.code().value()).toList(), roles))).orElse(false);
    }

    public Optional<Caller> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Caller cached) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = accountId().flatMap(accounts::findById).map(this::toCaller);
        if (request != null) {
            caller.ifPresent(c -> request.setAttribute(CACHE, c, RequestAttributes.SCOPE_REQUEST));
        }
        return caller;
    }

    private Optional<Long> accountId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        String name = auth.getName();
        if (name != null && name.startsWith(PRINCIPAL_PREFIX)) {
            name = name.substring(PRINCIPAL_PREFIX.length());
        }
        try {
            return Optional.of(Long.parseLong(name));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private Caller toCaller(Account account) {
        List<RoleGrant> grants = accounts.grants(account.id());
        boolean administrator = grants.stream().anyMatch(g -> g.role().administrative());
        boolean expired = administrator && account.passwordChangedAt() != null
                && account.passwordChangedAt().plus(properties.passwordMaxAge()).isBefore(OffsetDateTime.now());
        return new Caller(account.id(), account.displayName(), grants, expired);
    }
}
