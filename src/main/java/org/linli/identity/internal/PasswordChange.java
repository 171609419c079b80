package org.linli.identity.internal;

import org.linli.platform.LinliException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Someone changes their own password: the current one proves it is them; the new one must pass the policy. */
@Service
public class PasswordChange {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    PasswordChange(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    public void change(long accountId, String current, String next) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.passwordHash() == null || current == null || !encoder.matches(current, account.passwordHash())) {
            throw LinliException.invalidField("currentPassword", "CREDENTIALS_INVALID");
        }
        if (!PasswordPolicy.acceptable(next)) {
            throw LinliException.invalidField("newPassword", "PASSWORD_WEAK");
        }
        if (encoder.matches(next, account.passwordHash())) {
            throw LinliException.invalidField("newPassword", "PASSWORD_UNCHANGED");
        }
        accounts.changePassword(accountId, encoder.encode(next));
    }
}
