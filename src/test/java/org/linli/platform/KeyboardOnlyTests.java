package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Keyboard only, as someone who cannot use a mouse or a touch screen: Tab to move, type, Enter to act.
 * A resident signs in, finds the guide for a lost social security card, books a legal-aid appointment
 * and registers for an activity — no click anywhere after a page is opened.
 */
@LinliWebTest
class KeyboardOnlyTests extends BrowserTest {

    static final String PHONE = "13988000011";

    /** Presses Tab until the focused element is the one wanted (at most 150 times), and returns it. */
    WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < 150; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.getCurrentUrl());
    }

    void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    void enterAndWait() {
        String before = browser.getCurrentUrl();
        Object marker = Browser.js(browser, "window.__kbd = Math.random(); return window.__kbd;");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        for (int i = 0; i < 100; i++) {
            Object now = Browser.js(browser, "return window.__kbd;");
            if (now == null || !now.equals(marker)) {
                return; // a new page has loaded
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Enter did not lead anywhere from " + before);
    }

    static Predicate<WebElement> id(String id) {
        return e -> id.equals(e.getAttribute("id"));
    }

    @Test
    void aResidentSignsInFindsAGuideBooksAndRegistersByKeyboardAlone() {
        Browser.phoneSized(browser);
        open("/");
        browser.manage().deleteAllCookies();
        Api api = new Api(port);

        // sign in with a code
        open("/login");
        tabTo("the phone field", id("phone"));
        type(PHONE);
        tabTo("send the code", id("send-code"));
        enterAndWait();
        tabTo("the code field", id("code"));
        type(api.latestCode(PHONE));
        enterAndWait();
        assertThat(browser.manage().getCookies()).isNotEmpty();

        // find the guide by what the resident would say
        open("/centers/xiaojie/services");
        tabTo("the search box", id("catalog-q"));
        type("社保卡丢了");
        enterAndWait();
        tabTo("the first guide", e -> "a".equals(e.getTagName())
                && String.valueOf(e.getAttribute("href")).matches(".*/centers/xiaojie/services/[A-Z]{2}-\\d+.*"));
        enterAndWait();
        assertThat(browser.getCurrentUrl()).matches(".*/services/[A-Z]{2}-\\d+.*");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("社会保障卡");

        // book the first free legal-aid slot of a day with slots
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(21);
        for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
            open("/centers/xiaojie/book/legal?date=" + day);
            if (!browser.findElements(By.cssSelector("button.slot:not([disabled])")).isEmpty()) {
                break;
            }
        }
        tabTo("a free slot", e -> "button".equals(e.getTagName()) && e.getAttribute("class").contains("slot"));
        enterAndWait();
        assertThat(browser.getCurrentUrl()).contains("/me/appointments?booked");
        assertThat(browser.findElements(By.cssSelector("#my-appointments .card"))).isNotEmpty();

        // register for an activity with places
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withHour(15).withMinute(0)
                .withSecond(0).withNano(0);
        HttpResponse<String> created = api.send("POST", "/api/v1/centers/xiaojie/activities",
                api.token("xiaojie-staff03"), """
                {"title":"键盘测试：茶话会","category":"ELDERLY","startsAt":"%s","endsAt":"%s","capacity":10,"spaceCode":null}
                """.formatted(start, start.plusHours(1)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        open("/activities/" + Http.json(created).get("id").asLong());
        tabTo("the register button", id("register-button"));
        enterAndWait();
        assertThat(browser.findElements(By.id("cancel-button"))).as("registered: the page offers to cancel").isNotEmpty();
    }
}
