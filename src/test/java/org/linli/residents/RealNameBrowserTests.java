package org.linli.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** End to end in Chromium: a resident fills in details and sees them masked; staff reveal; the resident sees it. */
@LinliWebTest
class RealNameBrowserTests extends BrowserTest {

    @Test
    void aResidentFillsInDetailsStaffRevealWithAReasonAndTheResidentSeesWhoLooked() {
        open("/");
        browser.manage().deleteAllCookies();
        signInByCode("13900007001");
        open("/me/details");
        browser.findElement(By.id("realName")).sendKeys("周晓燕");
        browser.findElement(By.id("idNumber")).sendKeys("530199198512120021");
        Browser.clickAndWait(browser, browser.findElement(By.id("save-details")));
        assertThat(browser.findElement(By.id("details-error")).getText()).contains("校验码");

        browser.findElement(By.id("realName")).sendKeys("周晓燕");
        browser.findElement(By.id("idNumber")).sendKeys("530199198512120020");
        new Select(browser.findElement(By.id("homeCenterCode"))).selectByValue("xiaojie");
        Browser.clickAndWait(browser, browser.findElement(By.id("save-details")));
        assertThat(browser.findElement(By.id("masked-id")).getText()).isEqualTo("5301**********0020");
        assertThat(browser.findElement(By.id("masked-name")).getText()).isEqualTo("周**");
        assertThat(browser.getPageSource()).doesNotContain("530199198512120020");

        WebDriver staff = Browser.start();
        try {
            staff.get("http://localhost:" + port + "/login");
            staff.findElement(By.id("username")).sendKeys("xiaojie-staff10");
            staff.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
            Browser.clickAndWait(staff, staff.findElement(By.id("sign-in")));
            staff.get("http://localhost:" + port + "/staff/centers/xiaojie/residents");
            staff.findElement(By.id("q")).sendKeys("13900007001");
            Browser.clickAndWait(staff, staff.findElement(By.id("search")));
            assertThat(staff.findElement(By.id("resident-id")).getText()).isEqualTo("5301**********0020");
            staff.findElement(By.id("reason")).sendKeys("办理居住证明");
            Browser.clickAndWait(staff, staff.findElement(By.id("reveal")));
            assertThat(staff.findElement(By.id("resident-id")).getText()).isEqualTo("530199198512120020");
        } finally {
            staff.quit();
        }

        open("/me/details");
        assertThat(browser.findElement(By.id("access-log")).getText()).contains("办理居住证明").contains("xiaojie");
    }

}
