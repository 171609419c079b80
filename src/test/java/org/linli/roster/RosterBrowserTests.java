package org.linli.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In Chromium: the center admin generates next month's roster and publishes it; a staff member sees their duties. */
@LinliWebTest
class RosterBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdminGeneratesAndPublishesAndStaffSeeTheirDuties() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        signIn("xiaojie-center-admin", "Linli@2026");
        open("/staff/centers/xiaojie/roster?month=" + month);
        Browser.clickAndWait(browser, browser.findElement(By.id("generate-roster")));
        assertThat(browser.findElement(By.id("roster-status")).getText()).contains("草稿").contains("排满");
        assertThat(browser.findElements(By.cssSelector("#roster-duties tbody tr"))).isNotEmpty();
        Browser.clickAndWait(browser, browser.findElement(By.id("publish-roster")));
        assertThat(browser.findElement(By.id("roster-status")).getText()).contains("已发布");
        assertThat(browser.findElements(By.id("generate-roster"))).isEmpty();
        assertThat(browser.findElement(By.id("coverage-summary")).getText()).contains("已排满");
        assertThat(browser.findElements(By.cssSelector("#roster-people tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("roster-xlsx")).getAttribute("href")).endsWith(".xlsx");
        // a published roster changes only with a reason: the page says so and nothing moves
        var firstRow = browser.findElement(By.cssSelector("#roster-duties tbody tr"));
        String before = firstRow.findElements(By.tagName("td")).get(2).getText();
        new org.openqa.selenium.support.ui.Select(firstRow.findElement(By.tagName("select"))).selectByIndex(0);
        Browser.clickAndWait(browser, firstRow.findElement(By.cssSelector("button[type=submit]")));
        if (!browser.findElements(By.id("roster-error")).isEmpty()) {
            assertThat(browser.findElement(By.id("roster-error")).getText()).contains("原因");
        }
        assertThat(browser.findElement(By.cssSelector("#roster-duties tbody tr")).findElements(By.tagName("td"))
                .get(2).getText()).isEqualTo(before);

        String username = jdbc.sql("""
                select a.username from duty_assignment d join account a on a.id = d.account_id
                 where a.username is not null and d.starts_at > now() order by d.starts_at limit 1""").query(String.class).single();
        browser.manage().deleteAllCookies();
        signIn(username, "Linli@2026");
        open("/me/duties");
        assertThat(browser.findElements(By.cssSelector("#my-duties li"))).isNotEmpty();
        // asking a colleague to cover: either asked, or refused naming the rule it would break
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#my-duties li form button")));
        boolean asked = !browser.findElements(By.cssSelector("p.notice[role=status]")).isEmpty();
        boolean refused = !browser.findElements(By.id("duties-error")).isEmpty();
        assertThat(asked || refused).isTrue();
        if (asked) {
            assertThat(browser.findElement(By.cssSelector("[id^=my-swaps-]")).getText()).contains("等待同事同意");
        }
    }
}
