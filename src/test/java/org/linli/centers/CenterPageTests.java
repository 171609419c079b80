package org.linli.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server-rendered pages as a browser without JavaScript receives them. */
@LinliWebTest
class CenterPageTests {

    @LocalServerPort
    int port;

    Http http() {
        return new Http(port);
    }

    @Test
    void theHomePageShowsTheDistrictTreeInChineseWithTheDemoBanner() {
        HttpResponse<String> page = http().get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("官渡区党群服务中心").contains("关上街道党群服务中心")
                .contains("小街社区党群服务中心").contains("北京路党群服务中心").contains("凤凰山社区党群服务中心")
                .contains("演示环境");
        assertThat(Pattern.compile("data-center=\"").matcher(page.body()).results().count())
                .as("other tests may add centers to this shared database").isGreaterThanOrEqualTo(12);
    }

    @Test
    void aCenterPageShowsAddressPhoneLevelParentAndPlacesForLaterCapabilities() {
        String body = http().get("/centers/xiaojie").body();
        assertThat(body).contains("小街社区党群服务中心").contains("官渡区小街 18 号").contains("tel:0871-60000201")
                .contains("社区").contains("href=\"/centers/guanshang\"")
                .contains("id=\"hours\"").contains("id=\"services\"").contains("id=\"activities\"");
    }

    @Test
    void aCenterPageSaysWhetherItIsOpenAndShowsTheWeeksHours() {
        String body = http().get("/centers/xiaojie").body();
        assertThat(body).contains("id=\"open-now\"").containsPattern("正在开放|现在不开放")
                .contains("id=\"week-hours\"").containsPattern("中午连|节假日值班");
        assertThat(Pattern.compile("data-day-kind=\"").matcher(body).results().count()).isEqualTo(7);
        assertThat(http().get("/centers/beijinglu").body()).contains("城市自习室");
    }

    @Test
    void acceptLanguageEnglishGivesEnglishPagesAndAnUnsupportedOneChinese() {
        assertThat(http().get("/centers/xiaojie", "Accept-Language", "en-US,en;q=0.9").body())
                .contains("lang=\"en\"").contains("Xiaojie Community Service Center").contains("Opening hours");
        assertThat(http().get("/centers/xiaojie", "Accept-Language", "de-DE").body())
                .contains("lang=\"zh-CN\"").contains("开放时间");
    }

    @Test
    void theLanguageSwitchIsRememberedInACookieAndTheUrlStaysClean() {
        HttpResponse<String> switched = http().get("/centers/xiaojie?lang=en");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/centers/xiaojie");
        String cookie = cookie(switched, "linli_lang");
        assertThat(cookie).isEqualTo("linli_lang=en");

        assertThat(http().get("/centers/xiaojie", "Cookie", cookie, "Accept-Language", "zh-CN").body())
                .contains("Xiaojie Community Service Center");
        String back = cookie(http().get("/centers/xiaojie?lang=zh-CN", "Cookie", cookie), "linli_lang");
        assertThat(http().get("/centers/xiaojie", "Cookie", back).body()).contains("开放时间");
    }

    @Test
    void elderModeIsRememberedAndMarksEveryPage() {
        HttpResponse<String> switched = http().get("/?elder=on");
        assertThat(switched.statusCode()).isEqualTo(303);
        String cookie = cookie(switched, "linli_elder");
        assertThat(cookie).isEqualTo("linli_elder=1");
        for (String path : List.of("/", "/centers/beijinglu", "/centers/no-such")) {
            assertThat(http().get(path, "Cookie", cookie).body()).as(path)
                    .containsPattern("<html[^>]*class=\"elder\"").contains("aria-pressed=\"true\"");
        }
        assertThat(http().get("/").body()).doesNotContainPattern("<html[^>]*class=\"elder\"");
    }

    @Test
    void anUnknownCenterIsA404PageInTheUsersLanguage() {
        HttpResponse<String> chinese = http().get("/centers/no-such", "Accept", "text/html");
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.body()).contains("没有找到编号为“no-such”的服务中心").contains("返回首页");
        HttpResponse<String> english = http().get("/no/such/page", "Accept", "text/html", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void theWebAppManifestAndEveryAssetAreServedByLinliItself() {
        HttpResponse<String> manifest = http().get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        assertThat(Http.json(manifest).get("icons")).hasSizeGreaterThanOrEqualTo(2);
        for (String icon : List.of("/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon.svg", "/css/linli.css")) {
            assertThat(http().get(icon).statusCode()).as(icon).isEqualTo(200);
        }
        String home = http().get("/").body();
        Matcher external = Pattern.compile("(?:src|href)=\"(https?:)?//").matcher(home);
        assertThat(external.find()).as("no asset from another host").isFalse();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }
}
