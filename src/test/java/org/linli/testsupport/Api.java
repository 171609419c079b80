package org.linli.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Signs demo accounts in through the real API and calls it with their tokens. */
public final class Api {

    public static final String DEMO_PASSWORD = "Linli@2026";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    private final Http http;

    public Api(int port) {
        this.http = new Http(port);
    }

    public Http http() {
        return http;
    }

    public JsonNode signIn(String username) {
        HttpResponse<String> response = http.postJson("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    public String token(String username) {
        return signIn(username).get("accessToken").asString();
    }

    /** Asks for a code, reads it from the demo outbox, and exchanges it for tokens. */
    public JsonNode signInByPhone(String phone) {
        assertThat(http.postJson("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").statusCode()).isEqualTo(202);
        HttpResponse<String> response = http.postJson("/api/v1/auth/token",
                "{\"phone\":\"" + phone + "\",\"code\":\"" + latestCode(phone) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    public String latestCode(String phone) {
        JsonNode messages = Http.json(http.get("/api/v1/dev/outbox?to=" + phone)).get("messages");
        assertThat(messages.size()).as("texts to " + phone).isPositive();
        Matcher matcher = SIX_DIGITS.matcher(messages.get(0).get("text").asString());
        assertThat(matcher.find()).isTrue();
        String code = matcher.group();
        assertThat(matcher.find()).as("exactly one 6-digit number").isFalse();
        return code;
    }

    public HttpResponse<String> get(String path, String token) {
        return http.get(path, "Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder builder = http.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build());
    }

    /** The response is a problem with this status and stable code. */
    public static void assertCode(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response).get("code").asString()).isEqualTo(code);
    }
}
