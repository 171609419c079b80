package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.linli.platform.Access;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The whole API, taken from its own OpenAPI document, against the callers who must not get in and
 * against malformed input. It runs on a database of its own (the fuzzer changes what it may), with the
 * demo district loaded.
 * <ul>
 * <li>Authorization matrix: every operation × anonymous, a resident, staff and admin of the center in
 *     the path, and an admin of another center; the expected answer comes from the handler's own
 *     {@code @Access}/{@code @Public}: 401 anonymous; 404 for a center the caller does not act for (a
 *     resident at a center's staff endpoints, another center's admin); 403 without the role.</li>
 * <li>Fuzzer (seeded, bounded): malformed JSON, wrong types, huge values, unicode edge cases, path
 *     traversal in path variables and file names — never a 5xx, never a stack trace.</li>
 * </ul>
 */
class AttackSurfaceTests {

    static final String OWN = "xiaojie";
    static final String JUNK_MARKERS = "(?s).*(Exception|\\bat org\\.|\\bat java\\.|SQLState|PSQL|org\\.springframework|"
            + "Whitelabel).*";

    static ConfigurableApplicationContext app;
    static Api api;
    static Http http;
    static Map<String, String> tokens = new LinkedHashMap<>();

    record Operation(String method, String path, JsonNode spec, HandlerMethod handler) {

        Access access() {
            Access a = handler.getMethodAnnotation(Access.class);
            return a != null ? a : handler.getBeanType().getAnnotation(Access.class);
        }

        boolean isPublic() {
            return handler.hasMethodAnnotation(Public.class) || handler.getBeanType().isAnnotationPresent(Public.class);
        }

        Set<Role> roles() {
            Access a = access();
            return a == null || a.roles().length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(a.roles()));
        }

        boolean hasBody() {
            return spec.has("requestBody");
        }
    }

    static List<Operation> operations = new ArrayList<>();
    static JsonNode document;

    @BeforeAll
    static void start() {
        String url = TestPostgres.newDatabase();
        app = new SpringApplicationBuilder(LinliApplication.class).run("--server.port=0", "--logging.file.name=",
                "--linli.demo=true", "--linli.data-dir=target/test-data-attack", "--linli.db.url=" + url,
                "--linli.db.user=postgres");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port);
        http = api.http();
        document = Http.json(http.get("/v3/api-docs"));
        Map<String, HandlerMethod> handlers = new LinkedHashMap<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((info, handler) -> {
                    if (info.getPathPatternsCondition() == null) {
                        return;
                    }
                    for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                        for (var method : info.getMethodsCondition().getMethods()) {
                            handlers.put(method.name() + " " + withoutRegex(pattern), handler);
                        }
                    }
                });
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase();
            HandlerMethod handler = handlers.get(method + " " + path.getKey());
            assertThat(handler).as("the handler of " + method + " " + path.getKey()).isNotNull();
            operations.add(new Operation(method, path.getKey(), op.getValue(), handler));
        }));
        tokens.put("resident", api.signInByPhone("13988000001").get("accessToken").asString());
        for (String user : List.of(OWN + "-staff01", OWN + "-center-admin", "dongzhan-center-admin", "district-admin",
                "fhs-english-operator")) {
            tokens.put(user, api.token(user));
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** {@code /x/{month:\d{4}-\d{2}}} as OpenAPI writes it: {@code /x/{month}}. */
    static String withoutRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth > 1) {
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth > 0) {
                    continue;
                }
                skipping = false;
            } else if (c == ':' && depth == 1) {
                skipping = true;
                continue;
            }
            if (!skipping) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A value each path variable accepts, so the request reaches the handler. */
    static String value(String name, String code) {
        return switch (name) {
            case "code" -> code;
            case "merchantCode" -> "fhs-english";
            case "month" -> "2026-01";
            case "kind" -> "home-care";
            case "table" -> "summary";
            case "itemCode" -> "SA-01";
            case "date", "day" -> LocalDate.now().toString();
            case "year" -> "2026";
            case "spaceCode" -> "study-room";
            case "token", "slug", "teamCode", "offerCode", "partnerCode", "invite" -> "x";
            default -> "1";
        };
    }

    static String fill(String path, String code, Map<String, String> overrides) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = overrides.getOrDefault(m.group(1), value(m.group(1), code));
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static HttpResponse<String> call(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = http.request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build());
    }

    static HttpResponse<String> call(Operation op, String token, String code) {
        return call(op.method(), fill(op.path(), code, Map.of()), token, op.hasBody() ? "{}" : null,
                "application/json");
    }

    @Test
    void noCallerGetsInWhereTheirRoleOrCenterDoesNotReach() {
        List<String> unexpected2xx = new ArrayList<>();
        List<String> wrongAnswer = new ArrayList<>();
        int cells = 0;
        for (Operation op : operations) {
            String what = op.method() + " " + op.path();
            boolean centerInPath = op.path().contains("{code}");
            Set<Role> roles = op.roles();
            Map<String, Integer> expected = new LinkedHashMap<>();
            if (op.isPublic()) {
                continue; // open to all by design; the fuzzer still calls it
            }
            expected.put("anonymous", 401);
            if (!roles.isEmpty() && !roles.contains(Role.RESIDENT)) {
                // a center's staff pages do not exist for a resident (404); elsewhere the role is missing (403)
                expected.put("resident", centerInPath ? 404 : 403);
            }
            if (centerInPath && !roles.isEmpty() && !roles.contains(Role.RESIDENT)) {
                expected.put("dongzhan-center-admin", 404);
            }
            if (!roles.isEmpty() && roles.stream().noneMatch(r -> r == Role.STAFF || r == Role.RESIDENT
                    || r == Role.VOLUNTEER) && centerInPath) {
                expected.put(OWN + "-staff01", 403);
            }
            if (!roles.isEmpty() && !roles.contains(Role.CENTER_ADMIN) && !roles.contains(Role.STAFF)
                    && !roles.contains(Role.RESIDENT) && !roles.contains(Role.VOLUNTEER) && centerInPath) {
                expected.put(OWN + "-center-admin", 403);
            }
            for (var cell : expected.entrySet()) {
                cells++;
                String token = cell.getKey().equals("anonymous") ? null : tokens.get(cell.getKey());
                HttpResponse<String> answer = call(op, token, OWN);
                String line = what + " as " + cell.getKey() + " → " + answer.statusCode();
                if (answer.statusCode() / 100 == 2) {
                    unexpected2xx.add(line);
                } else if (answer.statusCode() != cell.getValue()) {
                    wrongAnswer.add(line + " (expected " + cell.getValue() + ")");
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations, %d negative cells%n", operations.size(), cells);
        assertThat(operations.size()).as("operations in the OpenAPI document").isGreaterThan(150);
        assertThat(cells).isGreaterThan(400);
        assertThat(unexpected2xx).as("unexpected 2xx").isEmpty();
        assertThat(wrongAnswer).as("answers other than expected").isEmpty();
    }

    static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\ud800", "\u202e反转", "🙂".repeat(300),
            "\u200b\u200b", "' or '1'='1", "\"; drop table account; --", "<script>alert(1)</script>",
            "../../../../etc/passwd", "%00", "x".repeat(100_000), "null", "NaN", "-1", "1e400",
            "99999999999999999999999", "２０２６－０１", "𠀀𪚥");

    /** The names of the body's fields, from the schema the document gives. */
    static List<String> fields(Operation op) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> names = new ArrayList<>();
        schema.path("properties").properties().forEach(p -> names.add(p.getKey()));
        return names;
    }

    static List<String> queryParameters(Operation op) {
        List<String> names = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asString(""))) {
                names.add(p.path("name").asString());
            }
        });
        return names;
    }

    static final List<String> ODD_VALUES = List.of("[]", "{}", "12", "-1", "1.5", "true", "1e400",
            "99999999999999999999999", "\"2026-13-45\"", "\"\"", "[[[[[[]]]]]]", "{\"a\":{\"b\":{}}}");

    @Test
    void malformedInputNeverGetsA5xxOrAStackTrace() {
        Random random = new Random(20261125L);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<Operation> ordered = new ArrayList<>(operations);
        // sign-out and erasure last, so the callers' tokens hold for the rest
        ordered.sort(java.util.Comparator.comparing(op -> op.path().matches(".*(auth|erase|logout|sessions).*")));
        for (Operation op : ordered) {
            Set<Role> roles = op.roles();
            String caller = roles.isEmpty() || roles.contains(Role.RESIDENT) || roles.contains(Role.VOLUNTEER)
                    ? "resident" : roles.contains(Role.MERCHANT) && !roles.contains(Role.DISTRICT_ADMIN)
                            ? "fhs-english-operator" : "district-admin";
            String token = op.isPublic() && random.nextBoolean() ? null : tokens.get(caller);
            List<String[]> cases = new ArrayList<>(); // path, body, content type
            String path = fill(op.path(), OWN, Map.of());
            if (op.hasBody()) {
                cases.add(new String[] {path, "{\"a\": ", "application/json"});
                cases.add(new String[] {path, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())), "application/json"});
                cases.add(new String[] {path, "<a/>", "application/xml"});
                List<String> fields = fields(op);
                for (int i = 0; i < 6 && !fields.isEmpty(); i++) {
                    Map<String, String> body = new LinkedHashMap<>();
                    for (String f : fields) {
                        body.put(f, Http.quote("测试"));
                    }
                    String target = fields.get(random.nextInt(fields.size()));
                    body.put(target, random.nextBoolean() ? Http.quote(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())))
                            : ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                    StringBuilder json = new StringBuilder("{");
                    body.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(Http.quote(k)).append(':')
                            .append(v));
                    cases.add(new String[] {path, json.append('}').toString(), "application/json"});
                }
            }
            for (String q : queryParameters(op)) {
                String odd = ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
                if (odd.length() > 2000) {
                    odd = odd.substring(0, 2000);
                }
                cases.add(new String[] {path + "?" + q + "=" + URLEncoder.encode(odd, StandardCharsets.UTF_8), null,
                        null});
            }
            Matcher vars = Pattern.compile("\\{(\\w+)}").matcher(op.path());
            while (vars.find()) {
                String odd = ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
                cases.add(new String[] {fill(op.path(), OWN, Map.of(vars.group(1),
                        odd.length() > 2000 ? odd.substring(0, 2000) : odd)), op.hasBody() ? "{}" : null,
                        "application/json"});
            }
            for (String[] c : cases) {
                requests++;
                HttpResponse<String> answer;
                try {
                    answer = call(op.method(), c[0], token, c[1], c[2]);
                } catch (RuntimeException refusedByTheClient) {
                    continue; // a URI the client itself will not send is not a request the server saw
                }
                String body = answer.body() == null ? "" : answer.body();
                if (answer.statusCode() >= 500 || body.matches(JUNK_MARKERS)) {
                    failures.add(op.method() + " " + c[0].substring(0, Math.min(c[0].length(), 120)) + " body="
                            + (c[1] == null ? "" : c[1].substring(0, Math.min(c[1].length(), 80))) + " → "
                            + answer.statusCode() + " " + body.substring(0, Math.min(body.length(), 200)));
                }
            }
        }
        System.out.printf("Fuzzer: %d requests over %d operations%n", requests, operations.size());
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }
}
