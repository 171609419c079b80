package org.linli.identity.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.linli.identity.internal.OtpSignIn;
import org.linli.identity.internal.PasswordSignIn;
import org.linli.identity.internal.Tokens;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.Public;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Public
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in", description = "One-time codes, tokens, refresh and sign-out")
class AuthApiController {

    private final OtpSignIn otp;
    private final PasswordSignIn passwords;
    private final Tokens tokens;

    AuthApiController(OtpSignIn otp, PasswordSignIn passwords, Tokens tokens) {
        this.otp = otp;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    record OtpRequest(String phone) {
    }

    record TokenRequest(String phone, String code, String username, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record RoleView(String role, String scope) {
    }

    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType,
            List<RoleView> roles) {
        static TokenResponse of(Tokens.Pair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), "Bearer",
                    pair.grants().stream().map(g -> new RoleView(g.role().name(), g.centerCode())).toList());
        }
    }

    @PostMapping("/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a 6-digit sign-in code by SMS (202 for every well-formed number)")
    void requestCode(@RequestBody OtpRequest body, HttpServletRequest request, Locale locale) {
        otp.requestCode(phone(body.phone()), ClientAddress.of(request), locale);
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange phone + code, or username + password, for an access and a refresh token")
    TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
        long accountId;
        if (body.phone() != null || body.code() != null) {
            if (body.code() == null || body.code().isBlank()) {
                throw LinliException.invalidField("code", "CODE_REQUIRED");
            }
            accountId = otp.verify(phone(body.phone()), body.code().trim(), ClientAddress.of(request));
        } else if (body.username() != null) {
            accountId = passwords.verify(body.username(), body.password(), ClientAddress.of(request));
        } else {
            throw LinliException.badRequest("CREDENTIALS_MISSING");
        }
        return TokenResponse.of(tokens.issue(accountId));
    }

    @PostMapping("/refresh")
    @Operation(summary = "A new token pair for a refresh token (the old refresh token stops working)")
    TokenResponse refresh(@RequestBody RefreshRequest body) {
        return TokenResponse.of(tokens.refresh(required(body.refreshToken())));
    }

    @PostMapping("/revoke")
    @Operation(summary = "Sign the device out: the refresh token and its access tokens stop working")
    ResponseEntity<Void> revoke(@RequestBody RefreshRequest body) {
        tokens.revoke(required(body.refreshToken()));
        return ResponseEntity.noContent().build();
    }

    private static String required(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw LinliException.invalidField("refreshToken", "REFRESH_TOKEN_REQUIRED");
        }
        return refreshToken;
    }

    static PhoneNumber phone(String input) {
        PhoneNumber phone = PhoneNumber.parseOrNull(input);
        if (phone == null) {
            throw LinliException.invalidField("phone", "PHONE_INVALID");
        }
        return phone;
    }
}
