package org.linli.catalog.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A guide as a PDF (openhtmltopdf on PDFBox), from an XHTML template. Chinese text needs a font with
 * CJK glyphs: Linli ships Droid Sans Fallback (Apache 2.0, a TrueType font PDFBox can subset) with
 * DejaVu Sans for Latin text and digits (free licence, see fonts/), and
 * only the glyphs used are embedded, so a guide is a few dozen kilobytes and prints the same anywhere.
 */
@Component
class GuidePdf {

    /** Chinese text and punctuation from Droid Sans Fallback; the Latin letters it lacks from DejaVu Sans. */
    static final Map<String, String> FONTS = Map.of("Linli Latin", "/fonts/DejaVuSans.ttf",
            "Linli CJK", "/fonts/DroidSansFallbackFull.ttf");

    private final ITemplateEngine templates;
    private final Map<String, byte[]> fontBytes = new java.util.concurrent.ConcurrentHashMap<>();

    GuidePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    private static byte[] read(String resource) {
        try (var in = GuidePdf.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(Map<String, Object> model, Locale locale) {
        String html = templates.process("catalog/pdf", new Context(locale, model));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            // one face for every weight: the font has no bold, and a missing weight would fall back to an
            // unembedded standard font
            FONTS.forEach((family, resource) -> {
                byte[] font = fontBytes.computeIfAbsent(resource, GuidePdf::read);
                for (int weight : new int[] {400, 700}) {
                    builder.useFont(() -> new java.io.ByteArrayInputStream(font), family, weight,
                            BaseRendererBuilder.FontStyle.NORMAL, true);
                }
            });
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
