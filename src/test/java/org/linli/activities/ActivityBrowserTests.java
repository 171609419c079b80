package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * End to end in Chromium: staff publish an activity with two places, two residents take them, a third
 * joins the waitlist and is promoted when one cancels, and staff check people in at the door.
 */
@LinliWebTest
class ActivityBrowserTests extends BrowserTest {

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                value);
    }



    @Test
    void publishRegisterWaitlistPromoteAndCheckIn() {
        signIn("xiaojie-staff16", "Linli@2026");
        Set<Cookie> staff = session();
        open("/staff/centers/xiaojie/activities");
        // starting soon, so the door (check-in opens two hours before) is open at the end of the test
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(90).withSecond(0).withNano(0);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        browser.findElement(By.id("act-title")).sendKeys("剪纸体验课");
        setValue("act-start", start.format(local));
        setValue("act-end", start.plusHours(2).format(local));
        browser.findElement(By.id("act-capacity")).sendKeys("2");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#new-activity button")));
        String url = browser.getCurrentUrl();
        String id = url.replaceAll(".*/activities/(\\d+).*", "$1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("剪纸体验课");

        String[] phones = {"13900040001", "13900040002", "13900040003"};
        Set<Cookie>[] residents = new Set[3];
        for (int i = 0; i < 3; i++) {
            browser.manage().deleteAllCookies();
            signInByCode(phones[i]);
            residents[i] = session();
            open("/activities/" + id);
            Browser.clickAndWait(browser, browser.findElement(By.id("register-button")));
        }
        assertThat(browser.findElement(By.id("my-place")).getText()).contains("候补第 1 位");

        use(residents[0]);
        open("/activities/" + id);
        Browser.clickAndWait(browser, browser.findElement(By.id("cancel-button")));
        use(residents[2]);
        open("/activities/" + id);
        assertThat(browser.findElement(By.id("my-place")).getText()).contains("报名成功");

        use(staff);
        open("/staff/centers/xiaojie/activities/" + id + "?q=0002");
        assertThat(browser.findElements(By.cssSelector("#attendees li"))).hasSize(1);
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#attendees li form button")));
        assertThat(browser.findElement(By.id("attendance-count")).getText()).contains("已签到 1");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
    }
}
