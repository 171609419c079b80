package org.linli.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** End to end in headless Chromium: a resident finds a center, switches language and elder mode. */
@LinliWebTest
class CenterBrowserTests extends BrowserTest {

    @BeforeEach
    void freshVisitor() {
        open("/");
        browser.manage().deleteAllCookies();
        Browser.phoneSized(browser);
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void opensTheDistrictPageAndACenterPage() {
        open("/");
        assertThat(heading()).isEqualTo("官渡区党群服务中心");
        assertThat(browser.findElements(By.cssSelector("a.card[data-center]"))).hasSizeGreaterThanOrEqualTo(12);

        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("a[data-center='xiaojie']")));
        assertThat(heading()).isEqualTo("小街社区党群服务中心");
        assertThat(browser.findElement(By.id("center-address")).getText()).isEqualTo("官渡区小街 18 号");
        assertThat(browser.findElement(By.id("center-level")).getText()).isEqualTo("社区");
        assertThat(browser.findElement(By.id("hours-title")).getText()).isEqualTo("开放时间");

        Browser.clickAndWait(browser, browser.findElement(By.id("center-parent")));
        assertThat(heading()).isEqualTo("关上街道党群服务中心");
    }

    @Test
    void switchesToEnglishAndBack() {
        open("/centers/beijinglu");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        Browser.clickAndWait(browser, browser.findElement(By.id("lang-switch")));
        assertThat(heading()).isEqualTo("Beijing Road Service Center");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.getCurrentUrl()).endsWith("/centers/beijinglu");

        open("/");
        assertThat(heading()).as("the choice is remembered").isEqualTo("Guandu District Service Center");

        Browser.clickAndWait(browser, browser.findElement(By.id("lang-switch")));
        assertThat(heading()).isEqualTo("官渡区党群服务中心");
    }

    @Test
    void elderModeGivesLargeTypeHighContrastAndBigTargetsOnEveryPage() {
        open("/centers/xiaojie");
        double normalFont = Browser.px(browser, "body", "fontSize");

        Browser.clickAndWait(browser, browser.findElement(By.id("elder-switch")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).contains("elder");
        double phoneFont = Browser.px(browser, "body", "fontSize");
        assertThat(phoneFont).isGreaterThanOrEqualTo(18).isGreaterThan(normalFont);
        assertThat(Browser.px(browser, "body", "lineHeight") / phoneFont).isGreaterThanOrEqualTo(1.3);
        assertBigTargets("#elder-switch", "#lang-switch", "#center-phone");
        assertThat(Browser.lowContrastText(browser)).isEmpty();

        open("/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).as("remembered").contains("elder");
        assertBigTargets("a.card[data-center]");
        assertThat(Browser.lowContrastText(browser)).isEmpty();

        Browser.desktopSized(browser);
        assertThat(Browser.px(browser, "body", "fontSize")).isGreaterThanOrEqualTo(22);

        Browser.clickAndWait(browser, browser.findElement(By.id("elder-switch")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).doesNotContain("elder");
    }

    @Test
    void everythingFitsAPhoneScreenInBothModes() {
        for (String mode : List.of("off", "on")) {
            for (String path : List.of("/", "/centers/fenghuangshan", "/centers/jinma", "/centers/no-such")) {
                open(path + "?elder=" + mode);
                assertThat(Browser.scrollsSideways(browser)).as(path + " elder=" + mode).isFalse();
                assertThat(Browser.lowContrastText(browser)).as(path + " elder=" + mode).isEmpty();
            }
        }
    }

    @Test
    void aKeyboardUserCanSkipToTheContent() {
        open("/centers/xiaojie");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip-link");
        assertThat(focused.getText()).isEqualTo("跳到主要内容");
    }

    private void assertBigTargets(String... selectors) {
        for (String selector : selectors) {
            for (WebElement element : browser.findElements(By.cssSelector(selector))) {
                assertThat(element.getSize().getWidth()).as(selector + " width").isGreaterThanOrEqualTo(60);
                assertThat(element.getSize().getHeight()).as(selector + " height").isGreaterThanOrEqualTo(60);
            }
        }
    }
}
