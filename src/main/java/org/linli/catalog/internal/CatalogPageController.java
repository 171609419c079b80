package org.linli.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Residents' pages: a center's services (search and browse), a guide for one's situation, print, PDF. */
@Controller
class CatalogPageController {

    private final CatalogReader reader;
    private final Centers centers;
    private final org.linli.platform.PdfDocuments pdf;
    private final String publicUrl;
    private final org.springframework.context.MessageSource messages;

    CatalogPageController(CatalogReader reader, Centers centers, org.linli.platform.PdfDocuments pdf,
            @Value("${linli.public-url:}") String publicUrl, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.reader = reader;
        this.centers = centers;
        this.pdf = pdf;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/centers/{code}/services")
    String services(@PathVariable String code, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(defaultValue = "1") int page, Model model,
            Locale locale) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("categories", reader.categories(code, locale));
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query.length() > 100 ? query.substring(0, 100) : query);
        if (!query.isEmpty()) {
            model.addAttribute("results", reader.search(code, query, 20, locale));
        } else {
            String known = category != null && Categories.known(category) ? category : null;
            model.addAttribute("category", known);
            model.addAttribute("browse", reader.browse(code, known, page, 20, locale));
        }
        return "catalog/services";
    }

    @GetMapping("/centers/{code}/services/{itemCode}")
    String guide(@PathVariable String code, @PathVariable String itemCode, @RequestParam Map<String, String> params,
            Model model, Locale locale, HttpServletRequest request) {
        fill(model, code, itemCode, params, locale, request);
        return "catalog/guide";
    }

    @GetMapping("/centers/{code}/services/{itemCode}/print")
    String print(@PathVariable String code, @PathVariable String itemCode, @RequestParam Map<String, String> params,
            Model model, Locale locale, HttpServletRequest request) {
        fill(model, code, itemCode, params, locale, request);
        return "catalog/print";
    }

    @GetMapping("/centers/{code}/services/{itemCode}/guide.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable String itemCode,
            @RequestParam Map<String, String> params, Model model, Locale locale, HttpServletRequest request) {
        fill(model, code, itemCode, params, locale, request);
        String url = (String) model.getAttribute("guideUrl");
        model.addAttribute("qrPng", QrCodes.pngDataUri(url, 6));
        byte[] body = pdf.render("catalog/pdf", model.asMap(), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(itemCode + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private void fill(Model model, String code, String itemCode, Map<String, String> params, Locale locale,
            HttpServletRequest request) {
        CatalogReader.GuideView guide = reader.guide(code, itemCode, locale);
        Map<String, String> answers = new LinkedHashMap<>();
        for (CatalogReader.Question question : guide.situations()) {
            String answer = params.get(question.key());
            if (answer != null && question.answers().contains(answer)) {
                answers.put(question.key(), answer);
            }
        }
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        StringBuilder url = new StringBuilder(base).append("/centers/").append(code).append("/services/")
                .append(itemCode);
        String query = answers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + "&" + b).orElse("");
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        model.addAttribute("center", centers.require(code));
        model.addAttribute("guide", guide);
        model.addAttribute("answers", answers);
        model.addAttribute("answered", !answers.isEmpty());
        model.addAttribute("answerQuery", query);
        model.addAttribute("materials", guide.materialsFor(answers));
        model.addAttribute("guideUrl", url.toString());
        model.addAttribute("qrSvg", QrCodes.svg(url.toString(), messages.getMessage("catalog.qr.alt", null, locale)));
        model.addAttribute("situationsLeft", guide.situations().stream()
                .filter(q -> !answers.containsKey(q.key())).map(CatalogReader.Question::key).toList());
    }

}
