package org.linli.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One headless Chromium per test class against the running application, and the sign-ins every role needs. */
public abstract class BrowserTest {

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** A resident signs in with the code the development SMS gateway "sent". */
    protected void signInByCode(String phone) {
        open("/login");
        browser.findElement(By.id("phone")).sendKeys(phone);
        Browser.clickAndWait(browser, browser.findElement(By.id("send-code")));
        browser.findElement(By.id("code")).sendKeys(new Api(port).latestCode(phone));
        Browser.clickAndWait(browser, browser.findElement(By.id("verify")));
    }

    protected void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndWait(browser, browser.findElement(By.id("sign-in")));
    }

    /** The browser's cookies: who is signed in, to come back to later. */
    protected java.util.Set<org.openqa.selenium.Cookie> session() {
        return browser.manage().getCookies();
    }

    /** Switches the browser to a session taken earlier (one code per phone a minute, so no new sign-in). */
    protected void use(java.util.Set<org.openqa.selenium.Cookie> cookies) {
        open("/");
        browser.manage().deleteAllCookies();
        cookies.forEach(c -> browser.manage().addCookie(c));
    }
}
