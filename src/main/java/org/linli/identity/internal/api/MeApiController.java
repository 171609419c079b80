package org.linli.identity.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.linli.identity.Caller;
import org.linli.identity.Callers;
import org.linli.identity.internal.Account;
import org.linli.identity.internal.AccountRepository;
import org.linli.identity.internal.PasswordChange;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in account")
class MeApiController {

    private final Callers callers;
    private final AccountRepository accounts;
    private final PasswordChange passwordChange;

    MeApiController(Callers callers, AccountRepository accounts, PasswordChange passwordChange) {
        this.callers = callers;
        this.accounts = accounts;
        this.passwordChange = passwordChange;
    }

    record RoleView(String role, String scope, String merchantCode) {
    }

    record Me(long id, String displayName, String username, String phone, List<RoleView> roles, String language,
            Boolean elderMode, boolean passwordChangeRequired) {
    }

    record Preferences(String language, Boolean elderMode) {
    }

    record NewPassword(String currentPassword, String newPassword) {
    }

    @GetMapping
    @Access(whilePasswordExpired = true)
    @Operation(summary = "Who I am, my roles and my preferences")
    Me me() {
        Caller caller = callers.current().orElseThrow();
        Account account = accounts.findById(caller.accountId()).orElseThrow();
        return new Me(account.id(), account.displayName(), account.username(),
                account.phone() == null ? null : new PhoneNumber(account.phone()).masked(),
                caller.grants().stream().map(g -> new RoleView(g.role().name(), g.centerCode(), g.merchantCode()))
                        .toList(),
                account.language(), account.elderMode(), caller.passwordChangeRequired());
    }

    @PutMapping("/preferences")
    @Access
    @Operation(summary = "Language (zh-CN or en) and elder mode, kept with the account")
    ResponseEntity<Void> preferences(@RequestBody Preferences body) {
        if (body.language() != null && !List.of("zh-CN", "en").contains(body.language())) {
            throw LinliException.invalidField("language", "LANGUAGE_UNSUPPORTED");
        }
        accounts.savePreferences(callers.current().orElseThrow().accountId(), body.language(), body.elderMode());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password")
    @Access(whilePasswordExpired = true)
    @Operation(summary = "Change my password (at least 8 characters, three of upper, lower, digits, symbols)")
    ResponseEntity<Void> password(@RequestBody NewPassword body) {
        passwordChange.change(callers.current().orElseThrow().accountId(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
