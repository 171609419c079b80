package org.linli.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * End to end in Chromium: a resident applies online from the guide with a photo, the window asks for a
 * supplement, the resident uploads it, the window completes, and the resident rates the service.
 */
@LinliWebTest
class ApplicationBrowserTests extends BrowserTest {

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void asResident(java.util.Set<org.openqa.selenium.Cookie> cookies) {
        open("/");
        browser.manage().deleteAllCookies();
        cookies.forEach(c -> browser.manage().addCookie(c));
    }

    @Test
    void aResidentAppliesOnlineAndFollowsTheApplicationToTheEnd() throws Exception {
        Path photo = Files.createTempFile("linli-photo", ".jpg");
        byte[] jpeg = new byte[600];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        Files.write(photo, jpeg);

        signInByCode("13900022001");
        java.util.Set<org.openqa.selenium.Cookie> resident = browser.manage().getCookies();
        open("/centers/xiaojie/services/SI-08?applicant=SELF");
        Browser.clickAndWait(browser, browser.findElement(By.id("apply-link")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("社会保障卡申领");

        // a wrong ID number is named beside its field, and nothing is lost
        fill("field-applicantName", "周居民");
        fill("field-phone", "13900022001");
        char right = IdCardNumber.checkCharacter("53019919600501123");
        fill("field-idNumber", "53019919600501123" + (right == '1' ? '2' : '1'));
        Browser.clickAndWait(browser, browser.findElement(By.id("submit-application")));
        assertThat(browser.findElements(By.id("field-idNumber-error"))).as(browser.getCurrentUrl() + " "
                + browser.findElement(By.tagName("main")).getText()).isNotEmpty();
        assertThat(browser.findElement(By.id("field-idNumber-error")).getText()).contains("身份证号码");
        assertThat(browser.findElement(By.id("field-idNumber")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("field-applicantName")).getAttribute("value")).isEqualTo("周居民");

        String first17 = "53019919600501201";
        fill("field-idNumber", first17 + IdCardNumber.checkCharacter(first17));
        browser.findElement(By.id("file-0")).sendKeys(photo.toString());
        Browser.clickAndWait(browser, browser.findElement(By.id("submit-application")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已提交");
        assertThat(browser.findElement(By.id("materials")).getText()).contains(photo.getFileName().toString());
        String url = browser.getCurrentUrl();
        String id = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();

        // the window asks for a supplement
        browser.manage().deleteAllCookies();
        signIn("xiaojie-staff13", "Linli@2026");
        open("/staff/centers/xiaojie/applications/" + id);
        browser.findElement(By.id("reason-REQUEST_SUPPLEMENT")).sendKeys("请上传白底证件照");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#action-REQUEST_SUPPLEMENT button")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("待补正");

        // the resident answers with a photo (back in their own session)
        asResident(resident);
        open("/me/applications/" + id);
        assertThat(browser.findElement(By.id("supplement-title")).isDisplayed()).isTrue();
        browser.findElement(By.id("supplement-file")).sendKeys(photo.toString());
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#supplement-file ~ button, form[action$='/supplement'] button")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已提交");

        // the window accepts and completes
        browser.manage().deleteAllCookies();
        signIn("xiaojie-staff14", "Linli@2026");
        open("/staff/centers/xiaojie/applications/" + id);
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#action-ACCEPT button")));
        browser.findElement(By.cssSelector("#action-COMPLETE input[value='PICKUP']")).click();
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#action-COMPLETE button")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已办结");

        // the resident rates it
        asResident(resident);
        open("/me/applications/" + id + "?elder=on");
        browser.findElement(By.cssSelector("input[name='stars'][value='5']")).click();
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/rate'] button")));
        assertThat(browser.findElement(By.id("my-rating")).getText()).contains("5");
        assertThat(browser.findElement(By.id("history")).getText()).contains("要求补正").contains("办结").contains("到窗口领取");
        assertThat(Browser.scrollsSideways(browser)).isFalse();
    }
}
