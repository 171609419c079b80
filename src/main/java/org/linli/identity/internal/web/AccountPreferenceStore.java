package org.linli.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.linli.identity.Callers;
import org.linli.identity.internal.AccountRepository;
import org.linli.platform.PreferenceStore;
import org.springframework.stereotype.Component;

/** Language and elder mode switched while signed in are kept with the account, for every device. */
@Component
class AccountPreferenceStore implements PreferenceStore {

    private final Callers callers;
    private final AccountRepository accounts;

    AccountPreferenceStore(Callers callers, AccountRepository accounts) {
        this.callers = callers;
        this.accounts = accounts;
    }

    @Override
    public void save(HttpServletRequest request, String language, Boolean elderMode) {
        callers.current().ifPresent(caller -> accounts.savePreferences(caller.accountId(), language, elderMode));
    }
}
