package org.linli.identity.internal;

import java.time.OffsetDateTime;

/** An account row as sign-in needs it. */
public record Account(long id, String username, String phone, String displayName, String passwordHash,
        OffsetDateTime passwordChangedAt, int failedLogins, OffsetDateTime lockedUntil, String language,
        Boolean elderMode) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
