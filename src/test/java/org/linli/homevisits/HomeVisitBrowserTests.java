package org.linli.homevisits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Browser;
import org.linli.testsupport.BrowserTest;
import org.linli.testsupport.LinliWebTest;
import org.openqa.selenium.By;

/** Staff import a register through the page: upload, preview, run, and the page follows the run to its end. */
@LinliWebTest
class HomeVisitBrowserTests extends BrowserTest {

    @Test
    void staffImportARegisterFromTheirSpreadsheet() throws Exception {
        File file = Files.createTempFile("register-", ".xlsx").toFile();
        file.deleteOnExit();
        Files.write(file.toPath(), HomeCareImportTests.sheet(HomeCareImportTests.HEADERS, List.of(
                HomeCareImportTests.row("13998000001", "独居", "", "301"),
                HomeCareImportTests.row("13998000002", "80岁以上", "", "302")), false));
        signIn("xiaojie-center-admin", "Linli@2026");
        open("/staff/centers/xiaojie/home-visits");
        browser.findElement(By.id("import-file")).sendKeys(file.getAbsolutePath());
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("#import-form button[type=submit]")));
        assertThat(browser.findElement(By.id("import-status")).getText()).contains("检查通过").contains("共 2 行");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        Browser.clickAndWait(browser, browser.findElement(By.id("run-import")));
        String status = browser.findElement(By.id("import-status")).getText();
        for (int i = 0; i < 50 && !status.contains("已全部导入"); i++) {
            Thread.sleep(200);
            browser.navigate().refresh();
            status = browser.findElement(By.id("import-status")).getText();
        }
        assertThat(status).contains("已全部导入").contains("已导入 2 行");
    }
}
