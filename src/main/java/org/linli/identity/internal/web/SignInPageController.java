package org.linli.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.linli.identity.internal.OtpSignIn;
import org.linli.identity.internal.PasswordSignIn;
import org.linli.identity.internal.demo.DemoAccounts;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: a code by SMS for residents, a password for everyone else. */
@Controller
class SignInPageController {

    private final OtpSignIn otp;
    private final PasswordSignIn passwords;
    private final WebSignIn webSignIn;
    private final ObjectProvider<DemoAccounts> demoAccounts;

    SignInPageController(OtpSignIn otp, PasswordSignIn passwords, WebSignIn webSignIn,
            ObjectProvider<DemoAccounts> demoAccounts) {
        this.otp = otp;
        this.passwords = passwords;
        this.webSignIn = webSignIn;
        this.demoAccounts = demoAccounts;
    }

    @GetMapping("/login")
    String page(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", next);
        DemoAccounts demo = demoAccounts.getIfAvailable();
        if (demo != null) {
            model.addAttribute("demoAccounts", demo.sample(3));
        }
        return "identity/login";
    }

    @PostMapping("/login/code")
    String sendCode(@RequestParam(required = false) String phone, @RequestParam(required = false) String next,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        PhoneNumber number = PhoneNumber.parseOrNull(phone);
        if (number == null) {
            return refused(model, response, next, LinliException.invalidField("phone", "PHONE_INVALID"), phone, null);
        }
        try {
            otp.requestCode(number, ClientAddress.of(request), locale);
        } catch (LinliException refusal) {
            if (refusal.code().equals("OTP_RATE_LIMITED")) {
                model.addAttribute("error", refusal);
                response.setStatus(refusal.status().value());
            }
            // An earlier code may still be valid: let them type it.
        }
        model.addAttribute("phone", number.value());
        model.addAttribute("next", next);
        return "identity/verify";
    }

    @PostMapping("/login/verify")
    String verify(@RequestParam(required = false) String phone, @RequestParam(required = false) String code,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PhoneNumber number = PhoneNumber.parseOrNull(phone);
        if (number == null) {
            return refused(model, response, next, LinliException.invalidField("phone", "PHONE_INVALID"), phone, null);
        }
        try {
            long account = otp.verify(number, code == null ? "" : code.trim(), ClientAddress.of(request));
            webSignIn.signIn(account, request, response);
            return "redirect:" + WebSignIn.safeNext(next);
        } catch (LinliException refusal) {
            model.addAttribute("error", refusal);
            model.addAttribute("phone", number.value());
            model.addAttribute("next", next);
            response.setStatus(refusal.status().value());
            return "identity/verify";
        }
    }

    @PostMapping("/login/password")
    String password(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            long account = passwords.verify(username, password, ClientAddress.of(request));
            webSignIn.signIn(account, request, response);
            return "redirect:" + WebSignIn.safeNext(next);
        } catch (LinliException refusal) {
            return refused(model, response, next, refusal, null, username);
        }
    }

    private String refused(Model model, HttpServletResponse response, String next, LinliException refusal,
            String phone, String username) {
        model.addAttribute("error", refusal);
        model.addAttribute("phone", phone);
        model.addAttribute("username", username);
        model.addAttribute("next", next);
        DemoAccounts demo = demoAccounts.getIfAvailable();
        if (demo != null) {
            model.addAttribute("demoAccounts", demo.sample(3));
        }
        response.setStatus(refusal.status().value());
        return "identity/login";
    }
}
