package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/** End to end in Chromium: a resident signs in with the code from the demo outbox; staff sign in; lockout. */
@LinliWebTest
class SignInBrowserTests extends BrowserTest {

    @BeforeEach
    void freshVisitor() {
        open("/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aResidentSignsInWithTheCodeReadFromTheOutboxPage() {
        open("/login");
        browser.findElement(By.id("phone")).sendKeys("13900004001");
        Browser.clickAndWait(browser, browser.findElement(By.id("send-code")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("输入验证码");

        String form = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        open("/dev/outbox?to=13900004001");
        String text = browser.findElement(By.cssSelector(".sms-text")).getText();
        Matcher code = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        browser.close();
        browser.switchTo().window(form);

        browser.findElement(By.id("code")).sendKeys(code.group());
        Browser.clickAndWait(browser, browser.findElement(By.id("verify")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的账号");
        assertThat(browser.findElement(By.id("roles")).getText()).contains("居民");

        Browser.clickAndWait(browser, browser.findElement(By.id("sign-out")));
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElements(By.id("sign-in-link"))).isNotEmpty();
    }

    @Test
    void staffSignInAndSeeTheirCentersStaffPage() {
        signIn("fenghuangshan-center-admin", "Linli@2026");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的账号");
        assertThat(browser.findElement(By.id("roles")).getText()).contains("中心负责人").contains("全科社工");
        open("/admin/centers/fenghuangshan/staff");
        assertThat(browser.findElement(By.id("staff-table")).getText()).contains("fenghuangshan-staff20");
        open("/admin/centers/xiaojie/staff");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("another center does not exist for them")
                .isEqualTo("没有找到");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        for (int i = 1; i <= 4; i++) {
            signIn("dashuying-staff01", "Wrong-pass" + i);
            assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码不正确");
        }
        signIn("dashuying-staff01", "Wrong-pass5");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("账号已锁定").contains("15 分钟");
        signIn("dashuying-staff01", "Linli@2026");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("账号已锁定");
    }

    @Test
    void theDistrictAdminAddsACommunityCenterThroughThePages() {
        signIn("district-admin", "Linli@2026");
        open("/admin/centers/taihe/staff");
        Browser.clickAndWait(browser, browser.findElement(By.id("new-center")));
        browser.findElement(By.id("code")).sendKeys("Bad Code");
        browser.findElement(By.id("name")).sendKeys("新社区党群服务中心");
        Browser.clickAndWait(browser, browser.findElement(By.id("create-center")));
        assertThat(browser.findElement(By.id("center-error")).getText()).contains("中心编号");
        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys("taihe-new");
        Browser.clickAndWait(browser, browser.findElement(By.id("create-center")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("新社区党群服务中心");
        assertThat(browser.findElement(By.id("center-parent")).getText()).isEqualTo("太和街道党群服务中心");
    }

    @Test
    void aCenterAdminClosesTheCenterForTrainingOnTheHoursPage() {
        signIn("luojiaying-center-admin", "Linli@2026");
        open("/admin/centers/luojiaying/hours");
        assertThat(browser.findElement(By.id("rules")).getText()).contains("09:00–12:00");
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        Browser.js(browser, "arguments[0].value = arguments[1];", browser.findElement(By.id("ex-date")), date);
        browser.findElement(By.cssSelector("input[name='closed']")).click();
        browser.findElement(By.id("ex-note")).sendKeys("内部培训");
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#add-exception + form button[type='submit']")));
        assertThat(browser.findElement(By.id("exceptions")).getText()).contains(date).contains("全天关闭").contains("内部培训");

        Browser.js(browser, "arguments[0].value = '18:00';", browser.findElement(By.id("rule-opens")));
        Browser.js(browser, "arguments[0].value = '17:00';", browser.findElement(By.id("rule-closes")));
        Browser.clickAndWait(browser, browser.findElement(By.id("add-rule-submit")));
        assertThat(browser.findElement(By.id("hours-error")).getText()).contains("结束时间必须晚于开始时间");
    }

}
