package org.linli.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LinliWebTest
class CenterApiTests {

    @LocalServerPort
    int port;

    Http http() {
        return new Http(port);
    }

    @Test
    void listsTheDemoDistrictStreetsAndTwelvePilotCenters() {
        HttpResponse<String> response = http().get("/api/v1/centers");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> centers = StreamSupport.stream(Http.json(response).get("centers").spliterator(), false).toList();

        assertThat(centers).filteredOn(c -> c.get("level").asString().equals("DISTRICT"))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("code").asString()).isEqualTo("guandu");
                    assertThat(d.get("parentCode").isNull()).isTrue();
                });
        assertThat(centers).filteredOn(c -> c.get("level").asString().equals("STREET"))
                .extracting(c -> c.get("code").asString()).contains("guanshang", "taihe", "jinma");
        List<String> pilots = List.of("xiaojie", "shihuguan", "dongjiawan", "xiaoshiba", "beijinglu", "dongzhan",
                "jiangan", "qianxing", "fenghuangshan", "jinmasi", "dashuying", "luojiaying");
        assertThat(centers).filteredOn(c -> pilots.contains(c.get("code").asString())).hasSize(12)
                .allSatisfy(c -> {
                    assertThat(c.get("level").asString()).isEqualTo("COMMUNITY");
                    assertThat(c.get("parentCode").asString()).isIn("guanshang", "taihe", "jinma");
                });
        assertThat(centers).filteredOn(c -> c.get("code").asString().equals("xiaojie")).singleElement()
                .satisfies(c -> {
                    assertThat(c.get("name").asString()).isEqualTo("小街社区党群服务中心");
                    assertThat(c.get("parentCode").asString()).isEqualTo("guanshang");
                });
        assertThat(centers).extracting(c -> c.get("code").asString())
                .contains("beijinglu", "fenghuangshan").doesNotHaveDuplicates();
    }

    @Test
    void showsOneCenterWithAddressPhoneAndChildren() {
        JsonNode street = Http.json(http().get("/api/v1/centers/jinma"));
        assertThat(street.get("level").asString()).isEqualTo("STREET");
        assertThat(street.get("parentCode").asString()).isEqualTo("guandu");
        assertThat(street.get("phone").asString()).isNotBlank();
        assertThat(street.get("address").asString()).contains("官渡区");
        assertThat(StreamSupport.stream(street.get("children").spliterator(), false)
                .map(c -> c.get("code").asString())).contains("fenghuangshan").hasSize(4);
    }

    @Test
    void anUnknownCenterIsA404ProblemInChineseByDefault() {
        HttpResponse<String> response = http().get("/api/v1/centers/no-such-center");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("CENTER_NOT_FOUND");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("没有找到").contains("no-such-center");
    }

    @Test
    void problemsSpeakTheCallersLanguageAndChineseForAnyOther() {
        JsonNode english = Http.json(http().get("/api/v1/centers/nope", "Accept-Language", "en-GB,en;q=0.8"));
        assertThat(english.get("detail").asString()).startsWith("There is no service center");
        assertThat(english.get("title").asString()).isEqualTo("Not found");

        JsonNode french = Http.json(http().get("/api/v1/centers/nope", "Accept-Language", "fr-FR,fr;q=0.9"));
        assertThat(french.get("detail").asString()).contains("没有找到");

        JsonNode garbage = Http.json(http().get("/api/v1/centers/nope", "Accept-Language", ";;;==="));
        assertThat(garbage.get("code").asString()).isEqualTo("CENTER_NOT_FOUND");
        assertThat(garbage.get("detail").asString()).contains("没有找到");
    }

    @Test
    void anUnknownApiPathIsA404ProblemEvenForABrowser() {
        HttpResponse<String> response = http().get("/api/v1/no-such-thing", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405NotA500() {
        HttpResponse<String> response = http().postJson("/api/v1/centers", "{}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.json(response).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void theOpenApiDocumentDescribesTheCenters() {
        HttpResponse<String> response = http().get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = Http.json(response).get("paths");
        assertThat(paths.has("/api/v1/centers")).isTrue();
        assertThat(paths.has("/api/v1/centers/{code}")).isTrue();
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusMetricsAreServed() {
        assertThat(Http.json(http().get("/actuator/health")).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> metrics = http().get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }
}
