package org.linli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Residents' catalogue pages over HTTP, and the printed guide as a PDF. */
@LinliWebTest
class CatalogPageTests {

    @LocalServerPort
    int port;

    HttpResponse<String> page(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResidentSearchesBrowsesAndReadsTheGuideForTheirSituation() throws Exception {
        String results = page("/centers/xiaojie/services?q=" + URLEncoder.encode("我的社保卡丢了怎么补办", StandardCharsets.UTF_8)).body();
        assertThat(results).contains("社会保障卡补领、换领").contains("本中心办理");
        String firstPage = page("/centers/xiaojie/services").body();
        assertThat(firstPage).contains("第 1 / 4 页").contains("rel=\"next\"").contains("page=2");
        assertThat(page("/centers/xiaojie/services?page=4").body()).contains("第 4 / 4 页").contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        String browse = page("/centers/xiaojie/services?category=CERTIFICATES").body();
        assertThat(browse).contains("无犯罪记录证明").contains("社区不出具");
        assertThat(page("/centers/xiaojie/services?category=NOPE").statusCode()).isEqualTo(200);

        String all = page("/centers/xiaojie/services/SA-01").body();
        assertThat(all).contains("示例内容，以当地规定为准").contains("授权委托书").contains("家属代办时")
                .contains("20 个工作日").contains("<svg");
        String self = page("/centers/xiaojie/services/SA-01?applicant=SELF").body();
        assertThat(self).doesNotContain("授权委托书").contains("您需要带的材料");
        String family = page("/centers/xiaojie/services/SA-01?applicant=FAMILY").body();
        assertThat(family).contains("授权委托书");
        // an answer that is not one of the question's answers is ignored, not an error
        assertThat(page("/centers/xiaojie/services/SA-01?applicant=%3Cscript%3E").body()).contains("授权委托书")
                .doesNotContain("<script>");

        String referral = page("/centers/xiaojie/services/CE-01").body();
        assertThat(referral).contains("社区不出具这项证明");
        assertThat(page("/centers/xiaojie/services/NOPE-1").statusCode()).isEqualTo(404);
        assertThat(page("/centers/xiaojie").body()).contains("办事服务").contains("/centers/xiaojie/services");
    }

    @Test
    void theGuidePrintsWithAQrCodeForTheSameGuide() throws Exception {
        String print = page("/centers/xiaojie/services/SI-10/print?loss=LOST").body();
        assertThat(print).contains("社会保障卡补领、换领").contains("<svg").contains("近期白底证件照")
                .doesNotContain("原社会保障卡").contains("/centers/xiaojie/services/SI-10?loss=LOST");
    }

    @Test
    void theGuidePdfEmbedsAChineseFontAndItsQrCodeOpensTheGuide() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/centers/xiaojie/services/SA-01/guide.pdf?applicant=FAMILY"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("最低生活保障申请（低保）").contains("授权委托书").contains("示例内容，以当地规定为准");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage p : pdf.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    fonts.add(p.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            BufferedImage qr = null;
            for (var name : pdf.getPage(0).getResources().getXObjectNames()) {
                if (pdf.getPage(0).getResources().getXObject(name) instanceof PDImageXObject image) {
                    qr = image.getImage();
                }
            }
            assertThat(qr).as("the QR image").isNotNull();
            int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels)))).getText();
            assertThat(decoded).isEqualTo("http://localhost:" + port + "/centers/xiaojie/services/SA-01?applicant=FAMILY");
        }
    }
}
