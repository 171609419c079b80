package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;

/**
 * The resident pages measured against the MIIT elderly-friendly rules (工信厅信管函〔2021〕67号, see
 * docs/security.md and the elder-mode notes in docs/design.md) and against a page-weight budget: in
 * 长辈模式 on a phone every text is at least 18 px with a line height of at least 1.3, every control a
 * target of at least 44 × 44 px (the main buttons 60 px, checked on every page by EveryPageTests); and
 * each page with all it loads weighs under 150 KB as sent (compressed), all of it from Linli itself.
 */
@LinliWebTest
class ElderlyWebRulesTests extends BrowserTest {

    static final List<String> RESIDENT_PAGES = List.of("/", "/centers/xiaojie", "/centers/xiaojie/services",
            "/centers/xiaojie/services?q=社保卡丢了", "/centers/xiaojie/services/SA-01", "/activities", "/activities/1",
            "/login", "/recruitments", "/courses", "/centers/xiaojie/spaces", "/centers/fenghuangshan/needs");
    static final List<String> SIGNED_IN_PAGES = List.of("/account", "/me/appointments", "/centers/xiaojie/book/legal",
            "/me/applications", "/centers/xiaojie/services/RE-01/apply", "/inbox", "/me/points", "/me/details");

    /** What breaks a rule on the current page, measured from the rendered layout, as "rule: element". */
    @SuppressWarnings("unchecked")
    static List<String> elderRuleBreaks() {
        return (List<String>) Browser.js(browser, """
                const bad = [];
                const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
                if (root < 18) bad.push('root font ' + root + 'px');
                const shown = el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
                  return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 1 && r.height > 1
                    && !el.closest('.visually-hidden, .sr-only, [aria-hidden=true]'); };
                const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "'
                  + (el.textContent || el.value || '').trim().slice(0, 20) + '"';
                for (const el of document.querySelectorAll('body *')) {
                  if (!shown(el)) continue;
                  if ([...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) {
                    const s = getComputedStyle(el), size = parseFloat(s.fontSize);
                    if (size < 17.5) bad.push('text under 18px (' + size + '): ' + name(el));
                    const line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
                    if (line / size < 1.29) bad.push('line height under 1.3 (' + (line / size).toFixed(2) + '): ' + name(el));
                  }
                }
                // controls: 44 × 44 at least; a link inside a sentence is exempt (WCAG 2.5.8 inline)
                for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
                  if (!shown(el)) continue;
                  if (el.tagName === 'A' && el.closest('p, li, td, dd, figcaption') && !el.classList.contains('btn')
                      && el.closest('p, li, td, dd, figcaption').textContent.trim() !== el.textContent.trim()) continue;
                  let r = el.getBoundingClientRect();
                  if (el.type === 'checkbox' || el.type === 'radio') {
                    const label = el.closest('label'); if (label) r = label.getBoundingClientRect();
                  }
                  if (r.height < 43.5 || r.width < 43.5) bad.push('target under 44px (' + Math.round(r.width) + '×'
                    + Math.round(r.height) + '): ' + name(el));
                }
                return bad;
                """);
    }

    @Test
    void elderModeMeetsTheMiitNumbersOnEveryResidentPage() {
        Browser.phoneSized(browser);
        open("/");
        browser.manage().deleteAllCookies();
        List<String> breaks = new ArrayList<>();
        for (String path : RESIDENT_PAGES) {
            open(path + (path.contains("?") ? "&" : "?") + "elder=on");
            elderRuleBreaks().forEach(b -> breaks.add(path + " " + b));
        }
        signInByCode("13900011002");
        for (String path : SIGNED_IN_PAGES) {
            open(path + "?elder=on");
            elderRuleBreaks().forEach(b -> breaks.add(path + " " + b));
        }
        assertThat(breaks).isEmpty();
    }

    @Test
    void theMeasurementFindsABrokenPage() {
        Browser.phoneSized(browser);
        open("/centers/xiaojie?elder=on");
        Browser.js(browser, "const p = document.createElement('p'); p.textContent = '小字';"
                + " p.style.fontSize = '12px'; p.style.lineHeight = '1'; document.querySelector('main').appendChild(p);"
                + " const b = document.createElement('button'); b.textContent = 'x'; b.style.padding = '0';"
                + " b.style.minHeight = '0'; b.style.height = '20px'; document.querySelector('main').appendChild(b);");
        assertThat(elderRuleBreaks()).anyMatch(b -> b.startsWith("text under 18px"))
                .anyMatch(b -> b.startsWith("line height under 1.3")).anyMatch(b -> b.startsWith("target under 44px"));
    }

    private static final Pattern RESOURCE = Pattern.compile(
            "<(?:link|script|img|source|iframe)\\b[^>]*?\\b(?:href|src)=\"([^\"]+)\"");

    /** A path as a browser asks for it (gzip accepted): the bytes sent, and the body once unpacked. */
    record Sent(long bytes, String body) {
    }

    Sent fetch(HttpClient http, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Sent(response.body().length, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The page with everything it loads, as sent; a resource from elsewhere is written to {@code outside}. */
    long pageWeight(HttpClient http, String path, String cookie, List<String> outside) throws Exception {
        Sent page = fetch(http, path, cookie);
        long total = page.bytes();
        Set<String> resources = new LinkedHashSet<>();
        Matcher m = RESOURCE.matcher(page.body());
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&");
            if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//")) {
                outside.add(path + " loads " + url);
            } else if (url.startsWith("/") && !url.startsWith("/manifest")) {
                resources.add(url);
            }
        }
        for (String url : resources) {
            total += fetch(http, url, cookie).bytes();
        }
        return total;
    }

    @Test
    void everyResidentPageWeighsUnder150KbAsSentWithNothingFromOutside() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> outside = new ArrayList<>();
        Map<String, Long> weights = new java.util.LinkedHashMap<>();
        for (String path : RESIDENT_PAGES) {
            weights.put(path, pageWeight(http, path, null, outside));
        }
        Browser.phoneSized(browser);
        open("/");
        browser.manage().deleteAllCookies();
        signInByCode("13900011003");
        String cookie = session().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        for (String path : SIGNED_IN_PAGES) {
            weights.put(path, pageWeight(http, path, cookie, outside));
        }
        System.out.println("Page weights as sent (bytes): " + weights);
        assertThat(outside).isEmpty();
        assertThat(weights).allSatisfy((path, bytes) -> assertThat(bytes).as(path).isLessThan(150 * 1024));
        // the budget is real: a page is counted with everything it loads, and compression is on
        assertThat(weights.get("/")).isGreaterThan(5 * 1024);
    }
}
