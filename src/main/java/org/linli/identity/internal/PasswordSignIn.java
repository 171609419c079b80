package org.linli.identity.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.platform.LinliException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with username and password. The account row is locked while failures are counted, so
 * concurrent wrong guesses cannot slip past the limit; the refusal is thrown after the commit.
 */
@Service
public class PasswordSignIn {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final AuditLog audit;
    /** Compared against when the username is unknown, so both cases take the same time. */
    private final String dummyHash;

    PasswordSignIn(AccountRepository accounts, PasswordEncoder encoder, TransactionTemplate transactions,
            IdentityProperties properties, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.transactions = transactions;
        this.properties = properties;
        this.audit = audit;
        this.dummyHash = encoder.encode("no such account");
    }

    public long verify(String username, String password, String clientIp) {
        Object outcome = transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now();
            String name = username == null ? "" : username.trim().toLowerCase();
            if (!name.matches("[a-z][a-z0-9._-]{2,39}")) {
                encoder.matches(password == null ? "" : password, dummyHash);
                return failed(null, name.length() > 40 ? name.substring(0, 40) : name, clientIp,
                        LinliException.unauthorized("CREDENTIALS_INVALID"));
            }
            Account account = accounts.lockByUsername(name).orElse(null);
            if (account == null) {
                encoder.matches(password == null ? "" : password, dummyHash);
                return failed(null, name, clientIp, LinliException.unauthorized("CREDENTIALS_INVALID"));
            }
            if (account.lockedAt(now)) {
                return failed(account.id(), name, clientIp, locked(account.lockedUntil(), now));
            }
            if (password == null || !encoder.matches(password, account.passwordHash())) {
                int failures = account.failedLogins() + 1;
                if (failures >= properties.maxFailedPasswords()) {
                    OffsetDateTime until = now.plus(properties.lockDuration());
                    accounts.recordFailure(account.id(), 0, until);
                    audit.record(new AuditEvent(account.id(), name, "ACCOUNT_LOCKED", String.valueOf(account.id()),
                            null, clientIp, "until " + until));
                    return failed(account.id(), name, clientIp, locked(until, now));
                }
                accounts.recordFailure(account.id(), failures, null);
                return failed(account.id(), name, clientIp, LinliException.unauthorized("CREDENTIALS_INVALID"));
            }
            accounts.recordSuccess(account.id());
            audit.record(new AuditEvent(account.id(), name, "SIGN_IN", null, null, clientIp, "password"));
            return account.id();
        });
        if (outcome instanceof LinliException refusal) {
            throw refusal;
        }
        return (Long) outcome;
    }

    private LinliException failed(Long accountId, String username, String clientIp, LinliException refusal) {
        audit.record(new AuditEvent(accountId, username, "SIGN_IN_FAILED", null, null, clientIp, refusal.code()));
        return refusal;
    }

    private static LinliException locked(OffsetDateTime until, OffsetDateTime now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return new LinliException(HttpStatus.LOCKED, "ACCOUNT_LOCKED", (seconds + 59) / 60).retryAfter(seconds);
    }
}
