package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;

/**
 * Text with markup typed into free-text fields (an activity's title and description, a recruitment's,
 * a merchant's name) is shown as text on every page that shows it: no element it describes exists in
 * the page and no script it carries runs — for residents, on the lobby screen and for staff.
 */
@LinliWebTest
class MarkupEscapedTests extends BrowserTest {

    static final String TITLE = "茶话会<img src=x onerror=\"window.__xss=1\">";
    static final String DESCRIPTION = "<script>window.__xss=2</script><b id=\"injected\">粗体</b>\"'>";

    /** What of the markup took effect on the current page. */
    List<String> injected(String path) {
        List<String> found = new ArrayList<>();
        if (Browser.js(browser, "return window.__xss === undefined;") != Boolean.TRUE) {
            found.add(path + ": a script ran");
        }
        if (!browser.findElements(By.cssSelector("img[src='x'], #injected")).isEmpty()) {
            found.add(path + ": an element was made from the text");
        }
        return found;
    }

    @Test
    void markupInFreeTextIsShownAsTextEverywhere() {
        Api api = new Api(port);
        String staff = api.token("xiaojie-staff04");
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(3).withMinute(0).withSecond(0)
                .withNano(0);
        if (start.getDayOfYear() != OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).getDayOfYear()) {
            start = start.minusHours(3);
        }
        HttpResponse<String> activity = api.send("POST", "/api/v1/centers/xiaojie/activities", staff, """
                {"title":%s,"category":"ELDERLY","description":%s,"startsAt":"%s","endsAt":"%s","capacity":10,"spaceCode":null}
                """.formatted(Http.quote(TITLE), Http.quote(DESCRIPTION), start, start.plusHours(1)));
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
        long activityId = Http.json(activity).get("id").asLong();
        HttpResponse<String> recruitment = api.send("POST", "/api/v1/centers/xiaojie/recruitments", staff, """
                {"title":%s,"description":%s,"startsAt":"%s","endsAt":"%s","needed":3}
                """.formatted(Http.quote(TITLE), Http.quote(DESCRIPTION), start.plusDays(2), start.plusDays(2).plusHours(2)));
        assertThat(recruitment.statusCode()).as(recruitment.body()).isEqualTo(201);
        long recruitmentId = Http.json(recruitment).get("id").asLong();
        HttpResponse<String> merchant = api.send("POST", "/api/v1/centers/xiaojie/merchants",
                api.token("xiaojie-center-admin"), """
                {"code":"xss-shop","name":%s,"kind":"<i>餐饮</i>","address":%s,"operatorPhone":"13988000021"}
                """.formatted(Http.quote(TITLE), Http.quote(DESCRIPTION)));
        assertThat(merchant.statusCode()).as(merchant.body()).isEqualTo(201);

        List<String> found = new ArrayList<>();
        List<String> publicPages = List.of("/activities", "/activities/" + activityId, "/centers/xiaojie",
                "/centers/xiaojie/lobby", "/recruitments", "/recruitments/" + recruitmentId);
        open("/");
        browser.manage().deleteAllCookies();
        for (String path : publicPages) {
            open(path);
            found.addAll(injected(path));
        }
        open("/activities/" + activityId);
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the text is there, as text")
                .contains("<img src=x").contains("<script>");
        signIn("xiaojie-center-admin", "Linli@2026");
        for (String path : List.of("/staff/centers/xiaojie/activities", "/staff/centers/xiaojie/recruitments",
                "/staff/centers/xiaojie/points", "/activities/" + activityId)) {
            open(path);
            found.addAll(injected(path));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesMarkupThatTookEffect() {
        open("/centers/xiaojie");
        Browser.js(browser, "document.querySelector('main').insertAdjacentHTML('beforeend', arguments[0]);"
                + " window.__xss = 1;", "<img src=x>");
        assertThat(injected("/centers/xiaojie")).hasSize(2);
    }
}
