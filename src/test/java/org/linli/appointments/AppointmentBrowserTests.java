package org.linli.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** End to end: a resident books a lunchtime slot from the center page, sees it, and cancels it. */
@LinliWebTest
class AppointmentBrowserTests extends BrowserTest {

    @Test
    void aResidentBooksFromTheCenterPageAndCancels() {
        signInByCode("13900009001");

        open("/centers/xiaojie");
        assertThat(browser.findElement(By.cssSelector("#appointments a[data-service='legal']")).getAttribute("href"))
                .endsWith("/centers/xiaojie/book/legal");
        LocalDate day = AppointmentApiTests.wednesday(3);
        open("/centers/xiaojie/book/legal?date=" + day);
        WebElement lunch = browser.findElement(By.cssSelector("button[data-start='" + day + "T12:00+08:00']"));
        assertThat(lunch.getText()).contains("12:00–13:00");
        Browser.clickAndWait(browser, lunch);
        assertThat(browser.findElement(By.id("my-appointments")).getText()).contains("公共法律服务").contains(day + " 12:00");
        assertThat(Browser.scrollsSideways(browser)).isFalse();

        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#my-appointments form button")));
        assertThat(browser.findElements(By.cssSelector("#my-appointments li"))).isEmpty();
    }
}
