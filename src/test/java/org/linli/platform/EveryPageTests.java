package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;

/**
 * Every page a role reaches, on a phone, in normal and elder mode: it renders (no error page), needs
 * no sideways scrolling, keeps text contrast at 4.5:1 or more, has no serious WCAG 2.1 AA violation
 * that axe-core finds, and elder mode's main buttons are 60 px.
 */
@LinliWebTest
class EveryPageTests extends BrowserTest {

    private void checkPages(List<String> paths) {
        for (String mode : List.of("off", "on")) {
            for (String path : paths) {
                open(path + (path.contains("?") ? "&" : "?") + "elder=" + mode);
                String where = path + " elder=" + mode;
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(where).isNotBlank()
                        .isNotIn("出错了", "系统出错了", "没有找到", "没有权限");
                assertThat(Browser.scrollsSideways(browser)).as(where).isFalse();
                assertThat(Browser.lowContrastText(browser)).as(where).isEmpty();
                assertThat(Browser.accessibilityViolations(browser)).as(where + " (axe-core)").isEmpty();
                if (mode.equals("on")) {
                    browser.findElements(By.cssSelector("main .btn")).stream().filter(b -> b.isDisplayed())
                            .forEach(b -> assertThat(b.getSize().getHeight()).as(where + " " + b.getText())
                                    .isGreaterThanOrEqualTo(60));
                }
            }
        }
    }

    @Test
    void theAccessibilityCheckFindsABrokenPage() {
        open("/centers/xiaojie");
        Browser.js(browser, "const i = document.createElement('img'); i.src = '/icons/icon-192.png';"
                + " document.querySelector('main').appendChild(i);"
                + " const b = document.createElement('button'); document.querySelector('main').appendChild(b);");
        assertThat(Browser.accessibilityViolations(browser)).anySatisfy(v -> assertThat(v).startsWith("image-alt"))
                .anySatisfy(v -> assertThat(v).startsWith("button-name"));
    }

    @Test
    void publicPages() {
        open("/");
        browser.manage().deleteAllCookies();
        checkPages(List.of("/", "/centers/xiaojie", "/centers/beijinglu", "/centers/guanshang", "/login",
                "/dev/outbox", "/centers/xiaojie/services", "/centers/xiaojie/services?q=社保卡丢了",
                "/centers/xiaojie/services?category=SOCIAL_ASSISTANCE", "/centers/xiaojie/services?q=🙂",
                "/centers/xiaojie/services/SA-01", "/centers/xiaojie/services/SA-01?applicant=FAMILY",
                "/centers/xiaojie/services/SA-01/print", "/centers/xiaojie/services/CE-09", "/activities",
                "/activities?category=CHILDREN&center=jinma", "/activities/1", "/centers/fenghuangshan",
                "/centers/xiaojie/spaces", "/centers/beijinglu/spaces", "/centers/beijinglu/spaces/study-room/door",
                "/centers/fenghuangshan/needs", "/activities?from=2026-01-01&to=2030-12-31&age=8", "/recruitments",
                "/recruitments/41", "/certificates/verify", "/certificates/verify?code=ABCDEFGHJKLM", "/courses",
                "/centers/xiaojie/lobby", "/centers/beijinglu/lobby"));
    }

    @Test
    void aResidentsPages() {
        open("/");
        browser.manage().deleteAllCookies();
        signInByCode("13900011001");
        checkPages(List.of("/account", "/me/details", "/inbox", "/me/appointments", "/centers/xiaojie/book/legal",
                "/me/applications", "/centers/xiaojie/services/RE-01/apply", "/centers/xiaojie/services/SA-01/apply?applicant=FAMILY",
                "/activities/2", "/centers/fenghuangshan/surveys/1", "/centers/fenghuangshan/needs", "/volunteer",
                "/recruitments/41", "/partners/join/demo-ynufe-invite", "/me/points", "/courses", "/me/home-care"));
    }

    @Test
    void merchantPages() {
        open("/");
        browser.manage().deleteAllCookies();
        signIn("fhs-english-operator", "Linli@2026");
        checkPages(List.of("/merchant/fhs-english", "/merchant/fhs-english/statements"));
    }

    @Test
    void staffAndAdminPages() throws Exception {
        // an import with rows found wrong, so its page shows the problems table
        org.linli.testsupport.Api api = new org.linli.testsupport.Api(port);
        long importId = org.linli.testsupport.Http.json(org.linli.testsupport.RegisterFiles.upload(api,
                "/api/v1/centers/xiaojie/merchants/imports", api.token("xiaojie-center-admin"),
                org.linli.testsupport.RegisterFiles.sheet(List.of("商户编号", "商户名称", "类别", "地址", "店员手机号"),
                        List.of(List.of("Bad Code", "", "", "", "1")), false))).get("id").asLong();
        open("/");
        browser.manage().deleteAllCookies();
        signIn("xiaojie-center-admin", "Linli@2026");
        checkPages(List.of("/account", "/admin/centers/xiaojie/staff", "/admin/centers/xiaojie/hours",
                "/admin/centers/xiaojie/catalog?category=SOCIAL_INSURANCE", "/admin/catalog/synonyms",
                "/staff/centers/xiaojie/applications", "/staff/centers/xiaojie/applications?due=OVERDUE",
                "/staff/centers/xiaojie/applications/1", "/staff/centers/xiaojie/applications/8",
                "/staff/centers/xiaojie/applications/new?item=RE-01", "/staff/centers/xiaojie/activities",
                "/staff/centers/xiaojie/spaces", "/staff/centers/xiaojie/spaces?edit=meeting-room",
                "/staff/centers/xiaojie/needs", "/staff/centers/xiaojie/roster", "/me/duties",
                "/staff/centers/xiaojie/residents", "/staff/centers/xiaojie/appointments", "/account/password",
                "/staff/centers/xiaojie/home-visits", "/me/home-visits", "/staff/centers/xiaojie/dashboard",
                "/staff/centers/xiaojie/merchants/imports/" + importId, "/staff/centers/xiaojie/points",
                "/staff/centers/xiaojie/partners"));
        browser.manage().deleteAllCookies();
        signIn("district-admin", "Linli@2026");
        checkPages(List.of("/admin/centers/guandu/staff", "/admin/calendar", "/admin/centers/guandu/children/new",
                "/admin/catalog", "/admin/catalog/items/SA-01", "/admin/catalog/new", "/admin/catalog/synonyms?page=2",
                "/admin/centers/guandu/audit", "/staff/centers/fenghuangshan/needs",
                "/staff/centers/fenghuangshan/surveys/1", "/staff/centers/fenghuangshan/activities?suggestion=1",
                "/staff/centers/fenghuangshan/recruitments", "/staff/centers/fenghuangshan/recruitments/42",
                "/staff/centers/fenghuangshan/service-records", "/staff/centers/fenghuangshan/partners",
                "/staff/centers/fenghuangshan/points", "/staff/centers/guandu/dashboard",
                "/staff/centers/guandu/dashboard/compare", "/staff/centers/fenghuangshan/dashboard?from=2026-01-01"));
        browser.manage().deleteAllCookies();
        signIn("auditor", "Linli@2026");
        checkPages(List.of("/account", "/admin/centers/guandu/audit", "/admin/centers/xiaojie/audit"));
    }
}
