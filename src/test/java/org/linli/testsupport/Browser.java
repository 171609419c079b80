package org.linli.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium driven by chromedriver, in Chinese, phone-sized unless a test resizes it. */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start() {
        if (Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        }
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            options.setBinary("/usr/bin/chromium");
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=390,844");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public static void clickAndWait(WebDriver driver, WebElement element) {
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> gone(element));
        wait.until(d -> "complete".equals(js(d, "return document.readyState;")));
    }

    /**
     * Whether an element of the page before a navigation is gone. While the page is being replaced,
     * chromedriver may answer with a stale-element error or with "does not belong to the document":
     * both mean the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    public static void phoneSized(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    public static void desktopSized(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    public static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public static double px(WebDriver driver, String selector, String property) {
        Object value = js(driver, "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];",
                selector, property);
        return Double.parseDouble(value.toString().replace("px", ""));
    }

    /** Visible text whose contrast with its background is below 4.5:1 (WCAG AA), as "tag text ratio". */
    @SuppressWarnings("unchecked")
    public static List<String> lowContrastText(WebDriver driver) {
        return (List<String>) js(driver, """
                function rgb(c) { return c.match(/[\\d.]+/g).map(Number); }
                function lum(c) {
                  const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                }
                function background(el) {
                  for (; el; el = el.parentElement) {
                    const c = getComputedStyle(el).backgroundColor, p = rgb(c);
                    if (p.length < 4 || p[3] > 0.5) return c;
                  }
                  return 'rgb(255, 255, 255)';
                }
                const bad = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                  const s = getComputedStyle(el), r = el.getBoundingClientRect();
                  if (s.display === 'none' || s.visibility === 'hidden' || r.width < 2 || r.height < 2) continue;
                  const a = lum(s.color), b = lum(background(el));
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) bad.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(2));
                }
                return bad;
                """);
    }

    private static String axeSource;

    /** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page, as "rule: target". */
    @SuppressWarnings("unchecked")
    public static List<String> accessibilityViolations(WebDriver driver) {
        if (axeSource == null) {
            try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        js(driver, axeSource);
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /** True when the page is wider than the window (the reader would have to scroll sideways). */
    public static boolean scrollsSideways(WebDriver driver) {
        return (Boolean) js(driver,
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }
}
