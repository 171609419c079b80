package org.linli.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium, at the counter: a volunteer opens their points and shows the QR code; the merchant's
 * operator types its code on a phone, picks the offer and confirms; both see the result; the merchant
 * reverses it the same day and the points come back.
 */
@LinliWebTest
class PointsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerRedeemsAtTheCounterAndTheMerchantReverses() {
        String phone = jdbc.sql("""
                select a.phone from points_account p join account a on a.id = p.owner_id
                 where p.kind = 'VOLUNTEER' and p.balance >= 100 order by p.id desc limit 1""").query(String.class).single();
        signInByCode(phone);
        Set<Cookie> volunteer = browser.manage().getCookies();
        open("/me/points");
        long before = Long.parseLong(browser.findElement(By.id("points-balance")).getText().replaceAll("\\D", ""));
        String code = browser.findElement(By.id("points-code")).getText();
        assertThat(browser.findElement(By.cssSelector("#points-qr svg")).isDisplayed()).isTrue();

        browser.manage().deleteAllCookies();
        signIn("fhs-bakery-operator", "Linli@2026");
        open("/merchant/fhs-bakery");
        browser.findElement(By.id("redeem-token")).sendKeys(code.toLowerCase());
        browser.findElement(By.id("offer-bread")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("redeem-submit")));
        assertThat(browser.findElement(By.id("redeemed")).getText()).contains("面包").contains(String.valueOf(before - 10));
        // the same code again is refused: one redemption per code
        browser.findElement(By.id("redeem-token")).sendKeys(code);
        Browser.clickAndWait(browser, browser.findElement(By.id("redeem-submit")));
        assertThat(browser.findElement(By.id("counter-error")).getText()).contains("付款码");
        Set<Cookie> merchant = browser.manage().getCookies();

        open("/");
        browser.manage().deleteAllCookies();
        volunteer.forEach(c -> browser.manage().addCookie(c));
        open("/me/points");
        assertThat(browser.findElement(By.id("points-balance")).getText()).contains(String.valueOf(before - 10));

        open("/");
        browser.manage().deleteAllCookies();
        merchant.forEach(c -> browser.manage().addCookie(c));
        open("/merchant/fhs-bakery");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#today-redemptions button")));
        assertThat(browser.findElement(By.id("today-redemptions")).getText()).contains("已撤销");
        open("/merchant/fhs-bakery/statements");
        assertThat(browser.findElement(By.id("statement-net")).getText()).isEqualTo("0");
    }
}
