package org.linli.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.linli.identity.Callers;
import org.linli.identity.internal.Account;
import org.linli.identity.internal.AccountRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a web session for an account: a new session id (no fixation), the security context in the
 * session (kept in PostgreSQL), and the account's language and elder mode copied to the browser.
 */
@Component
class WebSignIn {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final AccountRepository accounts;

    WebSignIn(AccountRepository accounts) {
        this.accounts = accounts;
    }

    void signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(Callers.PRINCIPAL_PREFIX + accountId,
                null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.language() != null) {
            cookie(response, "linli_lang", account.language());
        }
        if (account.elderMode() != null) {
            cookie(response, "linli_elder", account.elderMode() ? "1" : "0");
        }
    }

    private static void cookie(HttpServletResponse response, String name, String value) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).path("/").httpOnly(true)
                .sameSite("Lax").maxAge(Duration.ofDays(365)).build().toString());
    }

    /** Only paths on this site, so a crafted link cannot send someone elsewhere after signing in. */
    static String safeNext(String next) {
        return next != null && next.matches("/(?![/\\\\])[A-Za-z0-9/_.~%?=&-]*") ? next : "/account";
    }
}
