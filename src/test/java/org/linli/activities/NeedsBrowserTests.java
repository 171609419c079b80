package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: staff start a survey, a resident answers it (once), staff read the count and the chart
 * table; a resident's suggestion is published as an activity; the center admin edits a space, and a
 * wrong capacity is named beside its field.
 */
@LinliWebTest
class NeedsBrowserTests extends BrowserTest {



    @Test
    void aSurveyIsAnsweredOnceAndCountedAndASuggestionBecomesAnActivity() {
        signIn("dashuying-staff01", "Linli@2026");
        Set<Cookie> staff = session();
        open("/staff/centers/dashuying/needs");
        browser.findElement(By.id("survey-title")).sendKeys("老年大学课程调研");
        browser.findElement(By.id("text1")).sendKeys("想学什么？");
        new Select(browser.findElement(By.id("kind1"))).selectByValue("MULTIPLE");
        browser.findElement(By.id("options1")).sendKeys("书法\n合唱\n太极");
        browser.findElement(By.id("text2")).sendKeys("只给一个选项的题");
        browser.findElement(By.id("options2")).sendKeys("唯一");
        Browser.clickAndWait(browser, browser.findElement(By.id("survey-create")));
        // the wrong question is named beside its options, and what was typed is kept
        assertThat(browser.findElement(By.id("options-error-2")).getText()).contains("第 2 题");
        assertThat(browser.findElement(By.id("options2")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("survey-title")).getAttribute("value")).isEqualTo("老年大学课程调研");
        browser.findElement(By.id("text2")).clear();
        browser.findElement(By.id("options2")).clear();
        Browser.clickAndWait(browser, browser.findElement(By.id("survey-create")));
        String results = browser.getCurrentUrl();
        String id = results.replaceAll(".*/surveys/(\\d+).*", "$1");

        browser.manage().deleteAllCookies();
        signInByCode("13900082001");
        Set<Cookie> resident = session();
        open("/centers/dashuying/needs");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("老年大学课程调研")));
        browser.findElement(By.id("q1-0")).click();
        browser.findElement(By.id("q1-2")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("survey-submit")));
        assertThat(browser.findElement(By.id("survey-thanks")).getText()).contains("谢谢");
        assertThat(browser.findElements(By.id("survey-form"))).as("answered once: no second form").isEmpty();

        open("/centers/dashuying/needs");
        browser.findElement(By.id("sug-title")).sendKeys("书法兴趣班");
        Browser.clickAndWait(browser, browser.findElement(By.id("suggest-submit")));
        assertThat(browser.findElement(By.id("suggested")).isDisplayed()).isTrue();

        use(staff);
        open("/staff/centers/dashuying/surveys/" + id);
        assertThat(browser.findElement(By.id("survey-responses")).getText()).contains("1 人回答");
        String table = browser.findElement(By.id("result-table-1")).getText();
        assertThat(table).contains("书法 1").contains("合唱 0").contains("太极 1");

        open("/staff/centers/dashuying/needs");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#staff-suggestions a.btn")));
        assertThat(browser.findElement(By.id("act-title")).getAttribute("value")).isEqualTo("书法兴趣班");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('act-start').value = '2030-05-06T09:00';"
                        + "document.getElementById('act-end').value = '2030-05-06T10:30';");
        browser.findElement(By.id("act-capacity")).sendKeys("15");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#new-activity button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("书法兴趣班");
        open("/staff/centers/dashuying/needs");
        assertThat(browser.findElement(By.id("staff-suggestions")).getText()).contains("已采纳");
        use(resident);
    }

    @Test
    void theQrCodeAResidentShowsAtTheDoorFindsThemForCheckIn() {
        Api api = new Api(port);
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusMinutes(60).withNano(0);
        long id = Http.json(api.send("POST", "/api/v1/centers/dashuying/activities", api.token("dashuying-staff02"),
                "{\"title\":\"扫码签到演练\",\"category\":\"TRAINING\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\"" + start.plusHours(1) + "\",\"capacity\":5}")).get("id").asLong();
        signInByCode("13900082002");
        open("/activities/" + id);
        Browser.clickAndWait(browser, browser.findElement(By.id("register-button")));
        String caption = browser.findElement(By.cssSelector("#my-door-code figcaption")).getText();
        String code = caption.replaceAll(".*报名码 ([A-Z0-9]+).*", "$1");
        assertThat(code).hasSize(10);
        assertThat(browser.findElement(By.cssSelector("#my-door-code svg")).isDisplayed()).isTrue();

        browser.manage().deleteAllCookies();
        signIn("dashuying-staff02", "Linli@2026");
        open("/staff/centers/dashuying/activities/" + id + "?code=" + code.toLowerCase());
        assertThat(browser.findElements(By.cssSelector("#attendees li"))).hasSize(1);
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#attendees button")));
        assertThat(browser.findElement(By.id("attendance-count")).getText()).startsWith("已签到 1");
        open("/staff/centers/dashuying/activities/" + id + "?code=NOSUCHCODE");
        assertThat(browser.findElement(By.id("attendance-error")).getText()).contains("报名码");
    }

    @Test
    void theCenterAdminEditsASpaceAndAWrongCapacityIsNamedBesideItsField() {
        signIn("dashuying-center-admin", "Linli@2026");
        open("/staff/centers/dashuying/spaces?edit=meeting-room");
        assertThat(browser.findElement(By.id("space-code")).getAttribute("readonly")).isNotNull();
        browser.findElement(By.id("space-capacity")).clear();
        browser.findElement(By.id("space-capacity")).sendKeys("0");
        Browser.clickAndWait(browser, browser.findElement(By.id("space-save")));
        assertThat(browser.findElement(By.id("space-capacity-error")).getText()).contains("1").contains("2000");
        assertThat(browser.findElement(By.id("space-capacity")).getAttribute("aria-describedby"))
                .isEqualTo("space-capacity-error");
        browser.findElement(By.id("space-capacity")).clear();
        browser.findElement(By.id("space-capacity")).sendKeys("36");
        browser.findElement(By.id("space-operator")).sendKeys("大树营合唱团");
        Browser.clickAndWait(browser, browser.findElement(By.id("space-save")));
        assertThat(browser.findElement(By.id("space-table")).getText()).contains("36").contains("大树营合唱团");
    }
}
