package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in pages as a browser without JavaScript uses them: sessions, CSRF, redirects. */
@LinliWebTest
class SignInPageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormPostWithoutCsrfTokenIs403() {
        Http http = new Http(port);
        HttpResponse<String> response = http.send(http.request("/login/password")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=xiaojie-staff05&password=Linli%402026")).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void signingInGivesANewSessionIdKeptInPostgresWithA30MinuteIdleLimit() {
        Http http = new Http(port);
        HttpResponse<String> page = http.get("/login");
        String session = sessionCookie(page);
        HttpResponse<String> signedIn = postSignIn(http, page, "xiaojie-staff05");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        String newSession = sessionCookie(signedIn);
        assertThat(newSession).isNotEqualTo(session);
        // the session cookie is out of scripts' reach and not sent with other sites' requests
        assertThat(signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")))
                .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> account = http.get("/account", "Cookie", newSession);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("全科社工").contains("xiaojie");
        assertThat(http.get("/account", "Cookie", session).statusCode()).as("the old session id is worthless")
                .isEqualTo(302);

        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name like 'account:%' limit 1")
                .query(Integer.class).single()).isEqualTo(1800);
    }

    @Test
    void elderModeSwitchedWhileSignedInFollowsTheAccountToANewBrowser() {
        Http http = new Http(port);
        String session = signIn(http, "xiaojie-staff07");
        http.get("/?elder=on", "Cookie", session);
        assertThat(jdbc.sql("select elder_mode from account where username = 'xiaojie-staff07'").query(Boolean.class)
                .single()).isTrue();

        HttpResponse<String> elsewhere = postSignIn(http, http.get("/login"), "xiaojie-staff07");
        assertThat(elsewhere.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("linli_elder=1"));
    }

    private String signIn(Http http, String username) {
        HttpResponse<String> signedIn = postSignIn(http, http.get("/login"), username);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return sessionCookie(signedIn);
    }

    /** Posts the sign-in form of {@code page} with its CSRF token and session, as a browser would. */
    private static HttpResponse<String> postSignIn(Http http, HttpResponse<String> page, String username) {
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return http.send(http.request("/login/password")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sessionCookie(page))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=Linli%402026&_csrf="
                        + csrf.group(1))).build());
    }

    @Test
    void aSignedInPersonDownloadsTheirDataFromThePages() {
        Http http = new Http(port);
        String session = signIn(http, "xiaojie-staff12");
        HttpResponse<String> export = http.get("/me/personal-data", "Cookie", session);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(Http.json(export).get("account").get("displayName").asString()).isNotBlank();
    }

    @Test
    void aProtectedPageSendsAStrangerToSignInAndBack() {
        HttpResponse<String> response = new Http(port).get("/admin/centers/xiaojie/staff");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .contains("/login?next=%2Fadmin%2Fcenters%2Fxiaojie%2Fstaff");
    }

    @Test
    void theSignInPageListsDemoAccounts() {
        String body = new Http(port).get("/login").body();
        assertThat(body).contains("id=\"demo-accounts\"").contains("district-admin / Linli@2026")
                .contains("13800000001");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
