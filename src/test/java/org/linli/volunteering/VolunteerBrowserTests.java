package org.linli.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a demo volunteer with a year of service signs up for an upcoming recruitment, issues a
 * certificate for the year, and anyone verifies it by its code; staff confirm a waiting record.
 */
@LinliWebTest
class VolunteerBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerSignsUpIssuesACertificateAndItVerifies() {
        String phone = jdbc.sql("""
                select a.phone from account a join volunteer v on v.account_id = a.id
                 where exists (select 1 from service_record r where r.volunteer_id = v.id and r.status = 'CONFIRMED')
                   and v.status = 'ACTIVE' order by v.id limit 1""").query(String.class).single();
        signInByCode(phone);
        open("/recruitments");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("周末少儿英语角助教")));
        assertThat(browser.findElement(By.id("share-link")).getAttribute("value")).contains("/recruitments/");
        Browser.clickAndWait(browser, browser.findElement(By.id("signup-button")));
        assertThat(browser.findElement(By.id("my-signup")).getText()).contains("报名成功");

        open("/volunteer");
        assertThat(browser.findElement(By.id("volunteer-number")).getText()).startsWith("GD");
        assertThat(browser.findElements(By.cssSelector("#record-table tbody tr"))).isNotEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('cert-from').value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(1).toString());
        Browser.clickAndWait(browser, browser.findElement(By.id("certificate-issue")));
        String serial = browser.findElement(By.cssSelector("#certificate-list a")).getText();
        assertThat(serial).startsWith("ZYFW-FENGHUANGSHAN-");
        String code = jdbc.sql("select verification_code from service_certificate where serial = ?")
                .param(serial.substring(0, serial.indexOf(' '))).query(String.class).single();

        browser.manage().deleteAllCookies();
        open("/certificates/verify?code=" + code.toLowerCase());
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains("真实").contains(serial.substring(0,
                serial.indexOf(' ')));
        open("/certificates/verify?code=ZZZZZZZZZZZZ");
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains("查无此证明")
                .doesNotContain("ZYFW");

        signIn("fenghuangshan-staff03", "Linli@2026");
        open("/staff/centers/fenghuangshan/service-records");
        int before = browser.findElements(By.cssSelector("#pending-records > li")).size();
        assertThat(before).isPositive();
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#pending-records button.btn")));
        assertThat(browser.findElements(By.cssSelector("#pending-records > li"))).hasSize(before - 1);
    }
}
