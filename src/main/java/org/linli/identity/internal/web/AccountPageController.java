package org.linli.identity.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.linli.identity.Caller;
import org.linli.identity.Callers;
import org.linli.identity.internal.AccountRepository;
import org.linli.identity.internal.PasswordChange;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My account: who I am, my roles, sign-out, and changing my password. */
@Controller
class AccountPageController {

    private final Callers callers;
    private final AccountRepository accounts;
    private final PasswordChange passwordChange;

    AccountPageController(Callers callers, AccountRepository accounts, PasswordChange passwordChange) {
        this.callers = callers;
        this.accounts = accounts;
        this.passwordChange = passwordChange;
    }

    @GetMapping("/account")
    @Access
    String account(Model model) {
        Caller caller = callers.current().orElseThrow();
        var account = accounts.findById(caller.accountId()).orElseThrow();
        model.addAttribute("caller", caller);
        model.addAttribute("account", account);
        model.addAttribute("maskedPhone", account.phone() == null ? null : new PhoneNumber(account.phone()).masked());
        return "identity/account";
    }

    @GetMapping("/account/password")
    @Access(whilePasswordExpired = true)
    String passwordPage(Model model) {
        model.addAttribute("caller", callers.current().orElseThrow());
        return "identity/password";
    }

    @PostMapping("/account/password")
    @Access(whilePasswordExpired = true)
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, Model model, HttpServletResponse response) {
        try {
            passwordChange.change(callers.current().orElseThrow().accountId(), currentPassword, newPassword);
            return "redirect:/account?passwordChanged";
        } catch (LinliException refusal) {
            model.addAttribute("caller", callers.current().orElseThrow());
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return "identity/password";
        }
    }

}
