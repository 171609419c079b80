package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages and the API carry a Content-Security-Policy without inline scripts, no framing, and the usual headers. */
@LinliWebTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Test
    void pagesAndTheApiSayWhatMayRunAndWhoMayFrameThem() {
        Http http = new Http(port);
        for (String path : java.util.List.of("/", "/centers/xiaojie", "/centers/xiaojie/lobby", "/login")) {
            HttpResponse<String> page = http.get(path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            // and no page carries an inline script for the policy to block
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("onclick=");
        }
        HttpResponse<String> api = http.get("/api/v1/centers");
        assertThat(api.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
