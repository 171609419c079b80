package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/** Sign-in through the API: codes, passwords, tokens, and every refusal the contract names. */
@LinliWebTest
class SignInApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JwtEncoder jwtEncoder;

    Api api() {
        return new Api(port);
    }

    HttpResponse<String> token(String json) {
        return api().http().postJson("/api/v1/auth/token", json);
    }

    @Test
    void aNewNumberSignsInWithTheCodeFromTheOutboxAndBecomesAResident() {
        String phone = "13900001001";
        JsonNode tokens = api().signInByPhone(phone);
        assertThat(tokens.get("expiresIn").asInt()).isEqualTo(900);
        assertThat(tokens.get("refreshToken").asString()).isNotBlank();
        assertThat(roles(tokens)).containsExactly("RESIDENT@guandu");

        JsonNode me = Http.json(api().get("/api/v1/me", tokens.get("accessToken").asString()));
        assertThat(me.get("phone").asString()).isEqualTo("139****1001");
        assertThat(jdbc.sql("select count(*) from account where phone = ?").param(phone).query(Long.class).single())
                .isEqualTo(1);
        jdbc.sql("update otp_code set created_at = created_at - interval '2 minutes' where phone = ?").param(phone)
                .update();
        api().signInByPhone(phone);
        assertThat(jdbc.sql("select count(*) from account where phone = ?").param(phone).query(Long.class).single())
                .as("the same number is the same account").isEqualTo(1);
    }

    @Test
    void aCodeWorksOnceAndAWrongOneIs401() {
        String phone = "13900001002";
        api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
        String code = api().latestCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertCode(token("{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}"), 401, "OTP_INVALID");
        assertThat(token("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);
        assertCode(token("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}"), 401, "OTP_INVALID");
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndFurtherTriesAre429() {
        String phone = "13900001003";
        api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
        String code = api().latestCode(phone);
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertCode(token("{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}"), 401, "OTP_INVALID");
        }
        HttpResponse<String> refused = token("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}");
        assertCode(refused, 429, "OTP_TOO_MANY_TRIES");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anExpiredCodeIs401Expired() {
        String phone = "13900001004";
        api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
        String code = api().latestCode(phone);
        jdbc.sql("update otp_code set expires_at = now() - interval '1 second' where phone = ?").param(phone).update();
        assertCode(token("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}"), 401, "OTP_EXPIRED");
    }

    @Test
    void oneCodePerPhonePerMinute() {
        String phone = "13900001005";
        assertThat(api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").statusCode())
                .isEqualTo(202);
        HttpResponse<String> again = api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
        assertCode(again, 429, "OTP_RATE_LIMITED");
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void aMalformedPhoneIs400NamingTheField() {
        HttpResponse<String> response = api().http().postJson("/api/v1/auth/otp", "{\"phone\":\"12345\"}",
                "Accept-Language", "en");
        assertCode(response, 400, "PHONE_INVALID");
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("phone");
        assertThat(error.get("message").asString()).contains("mobile number");
        assertCode(api().http().postJson("/api/v1/auth/otp", "{\"phone\": 138"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void staffSignInWithPasswordAndAWrongOneIs401() {
        JsonNode tokens = api().signIn("xiaojie-center-admin");
        assertThat(roles(tokens)).contains("CENTER_ADMIN@xiaojie", "STAFF@xiaojie");
        assertCode(token("{\"username\":\"xiaojie-staff01\",\"password\":\"wrong-Password1\"}"), 401,
                "CREDENTIALS_INVALID");
        assertCode(token("{\"username\":\"no-such-user\",\"password\":\"wrong-Password1\"}"), 401,
                "CREDENTIALS_INVALID");
        String padded = "xiaojie-staff01" + "\\t".repeat(100);
        assertCode(token("{\"username\":\"" + padded + "\",\"password\":\"wrong-Password1\"}"), 401,
                "CREDENTIALS_INVALID");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountFor15Minutes() {
        String body = "{\"username\":\"dongzhan-staff01\",\"password\":\"Wrong-pass1\"}";
        for (int i = 0; i < 4; i++) {
            assertCode(token(body), 401, "CREDENTIALS_INVALID");
        }
        HttpResponse<String> locked = token(body);
        assertCode(locked, 423, "ACCOUNT_LOCKED");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(800L, 900L);
        assertCode(token("{\"username\":\"dongzhan-staff01\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"), 423,
                "ACCOUNT_LOCKED");
        List<String> actions = jdbc.sql("""
                select action from audit_event where actor_label = 'dongzhan-staff01' order by id
                """).query(String.class).list();
        assertThat(actions).contains("SIGN_IN_FAILED", "ACCOUNT_LOCKED");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheSignIn() {
        JsonNode first = api().signIn("xiaojie-staff02");
        HttpResponse<String> refreshed = api().http().postJson("/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = Http.json(refreshed);
        assertThat(api().get("/api/v1/me", second.get("accessToken").asString()).statusCode()).isEqualTo(200);

        assertCode(api().http().postJson("/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}"), 401, "TOKEN_INVALID");
        assertCode(api().get("/api/v1/me", second.get("accessToken").asString()), 401, "TOKEN_INVALID");
    }

    @Test
    void revokingSignsTheDeviceOutAccessTokenIncluded() {
        JsonNode tokens = api().signIn("xiaojie-staff03");
        String access = tokens.get("accessToken").asString();
        assertThat(api().get("/api/v1/me", access).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = api().http().postJson("/api/v1/auth/revoke",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertCode(api().get("/api/v1/me", access), 401, "TOKEN_INVALID");
        assertCode(api().http().postJson("/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}"), 401, "TOKEN_INVALID");
    }

    @Test
    void tamperedExpiredAndMissingTokensAre401() {
        JsonNode tokens = api().signIn("xiaojie-staff04");
        String access = tokens.get("accessToken").asString();
        String[] parts = access.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];
        assertCode(api().get("/api/v1/me", tampered), 401, "TOKEN_INVALID");

        String sid = jdbc.sql("select family_id::text from refresh_token order by id desc limit 1")
                .query(String.class).single();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("linli").subject("1")
                .issuedAt(Instant.now().minusSeconds(1000)).expiresAt(Instant.now().minusSeconds(10))
                .claim("sid", sid).build();
        String expired = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        assertCode(api().get("/api/v1/me", expired), 401, "TOKEN_INVALID");

        String unknownSignIn = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("linli").subject("1").issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60)).claim("sid", UUID.randomUUID().toString()).build()))
                .getTokenValue();
        assertCode(api().get("/api/v1/me", unknownSignIn), 401, "TOKEN_INVALID");

        assertCode(api().http().get("/api/v1/me"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anAdministratorWithAnExpiredPasswordMayOnlyChangeIt() {
        String token = api().token("jiangan-center-admin");
        jdbc.sql("update account set password_changed_at = now() - interval '91 days' where username = ?")
                .param("jiangan-center-admin").update();
        assertThat(Http.json(api().get("/api/v1/me", token)).get("passwordChangeRequired").asBoolean()).isTrue();
        assertCode(api().get("/api/v1/centers/jiangan/staff", token), 403, "PASSWORD_EXPIRED");
        assertCode(api().send("POST", "/api/v1/me/password", token,
                "{\"currentPassword\":\"" + Api.DEMO_PASSWORD + "\",\"newPassword\":\"short\"}"), 400, "PASSWORD_WEAK");
        assertThat(api().send("POST", "/api/v1/me/password", token,
                "{\"currentPassword\":\"" + Api.DEMO_PASSWORD + "\",\"newPassword\":\"Jiangan#2027\"}").statusCode())
                .isEqualTo(204);
        assertThat(api().get("/api/v1/centers/jiangan/staff", token).statusCode()).isEqualTo(200);
    }

    @Test
    void languageAndElderModeAreKeptWithTheAccount() {
        String token = api().token("xiaojie-staff06");
        assertThat(api().send("PUT", "/api/v1/me/preferences", token, "{\"language\":\"en\",\"elderMode\":true}")
                .statusCode()).isEqualTo(204);
        JsonNode me = Http.json(api().get("/api/v1/me", token));
        assertThat(me.get("language").asString()).isEqualTo("en");
        assertThat(me.get("elderMode").asBoolean()).isTrue();
        assertCode(api().send("PUT", "/api/v1/me/preferences", token, "{\"language\":\"fr\"}"), 400,
                "LANGUAGE_UNSUPPORTED");
    }

    private static List<String> roles(JsonNode tokens) {
        return StreamSupport.stream(tokens.get("roles").spliterator(), false)
                .map(r -> r.get("role").asString() + "@" + r.get("scope").asString()).toList();
    }
}
