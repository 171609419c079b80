package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.linli.platform.Public;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The platform's handling of bad request bodies, through a small endpoint that exists only in this
 * test: later issues' real endpoints get the same answers because they share this handler.
 */
@LinliWebTest
class ApiErrorHandlingTests {

    @LocalServerPort
    int port;

    @Test
    void aMalformedBodyIs400WithAStableCodeNeverA500() {
        HttpResponse<String> response = new Http(port).postJson("/api/v1/test/echo", "{\"name\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = Http.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("detail").asString()).contains("请求内容无法识别");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void invalidFieldsAreNamedOneByOneInTheCallersLanguage() {
        HttpResponse<String> response = new Http(port).postJson("/api/v1/test/echo", "{\"name\": \"\"}",
                "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = Http.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("name");
        assertThat(error.get("code").asString()).isEqualTo("REQUIRED");
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> response = new Http(port).send(new Http(port).request("/api/v1/test/echo")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(Http.json(response).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @TestConfiguration
    @RestController
    @Public
    static class EchoEndpoint {

        record Echo(@NotBlank @Size(max = 10) String name) {
        }

        @PostMapping("/api/v1/test/echo")
        Echo echo(@Valid @RequestBody Echo echo) {
            return echo;
        }
    }
}
