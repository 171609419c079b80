package org.linli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * End to end in Chromium: a resident searches from the center page by keyboard, opens the guide,
 * answers the situation question and sees only their materials; the district admin clears a guide's
 * sample note by editing it, and is told which parts a published guide may not lose.
 */
@LinliWebTest
class CatalogBrowserTests extends BrowserTest {

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aResidentFindsTheGuideForTheirSituationByKeyboard() throws Exception {
        open("/centers/xiaojie?elder=on");
        WebElement box = browser.findElement(By.id("section-q"));
        box.sendKeys("我的社保卡丢了怎么补办");
        box.sendKeys(Keys.ENTER);
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#search-results li:first-child a")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("社会保障卡补领、换领");
        assertThat(browser.findElement(By.id("materials")).getText()).contains("原社会保障卡").contains("近期白底证件照");
        screenshot("guide-elder");

        browser.findElement(By.cssSelector("input[name='loss'][value='LOST']")).sendKeys(Keys.SPACE);
        browser.findElement(By.cssSelector("input[name='applicant'][value='SELF']")).sendKeys(Keys.SPACE);
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#situations button[type='submit']")));
        String materials = browser.findElement(By.id("materials")).getText();
        assertThat(materials).contains("近期白底证件照").doesNotContain("原社会保障卡").doesNotContain("授权委托书");
        assertThat(browser.findElement(By.id("print-link")).getAttribute("href")).endsWith("/print?loss=LOST&applicant=SELF");
        assertThat(Browser.scrollsSideways(browser)).isFalse();
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();

        Browser.clickAndWait(browser, browser.findElement(By.id("print-link")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("社会保障卡补领、换领");
        assertThat(browser.findElements(By.cssSelector(".qr-image svg"))).hasSize(1);
        screenshot("print");
    }

    @Test
    void theDistrictAdminClearsTheSampleNoteAndCannotEmptyAPublishedGuide() throws Exception {
        open("/centers/beijinglu/services/EL-01");
        assertThat(browser.findElements(By.id("sample-note"))).hasSize(1);

        signIn("district-admin", "Linli@2026");
        open("/admin/catalog/items/EL-01");
        screenshot("editor");
        WebElement conditions = browser.findElement(By.id("conditions"));
        String before = conditions.getAttribute("value");
        conditions.clear();
        Browser.clickAndWait(browser, browser.findElement(By.id("save-item")));
        assertThat(browser.findElement(By.id("editor-error")).getText()).contains("办理条件");
        open("/centers/beijinglu/services/EL-01");
        assertThat(browser.findElement(By.id("guide-facts")).getText()).contains(before.substring(0, 10));

        open("/admin/catalog/items/EL-01");
        WebElement sample = browser.findElement(By.id("sample1"));
        assertThat(sample.isSelected()).isTrue();
        sample.click();
        Browser.clickAndWait(browser, browser.findElement(By.id("save-item")));
        assertThat(browser.getCurrentUrl()).contains("saved");
        open("/centers/beijinglu/services/EL-01");
        assertThat(browser.findElements(By.id("sample-note"))).isEmpty();
    }
}
