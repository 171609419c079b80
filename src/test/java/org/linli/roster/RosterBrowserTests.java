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

        String username = jdbc.sql("""
                select a.username from duty_assignment d join account a on a.id = d.account_id
                 where a.username is not null and d.starts_at > now() order by d.starts_at limit 1""").query(String.class).single();
        browser.manage().deleteAllCookies();
        signIn(username, "Linli@2026");
        open("/me/duties");
        assertThat(browser.findElements(By.cssSelector("#my-duties li"))).isNotEmpty();
    }
}
