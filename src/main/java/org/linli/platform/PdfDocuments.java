package org.linli.platform;

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
 * Printable documents (guides, certificates): a Thymeleaf template rendered to a tagged PDF with the
 * fonts Linli ships embedded, so Chinese prints the same on any machine.
 */
@Component
public class PdfDocuments {

    /** Chinese text and punctuation from Droid Sans Fallback; the Latin letters it lacks from DejaVu Sans. */
    public static final Map<String, String> FONTS = Map.of("Linli Latin", "/fonts/DejaVuSans.ttf",
            "Linli CJK", "/fonts/DroidSansFallbackFull.ttf");

    private final ITemplateEngine templates;
    private final Map<String, byte[]> fontBytes = new java.util.concurrent.ConcurrentHashMap<>();

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    private static byte[] read(String resource) {
        try (var in = PdfDocuments.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        String html = templates.process(template, new Context(locale, model));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            // one face for every weight: the font has no bold, and a missing weight would fall back to an
            // unembedded standard font
            FONTS.forEach((family, resource) -> {
                byte[] font = fontBytes.computeIfAbsent(resource, PdfDocuments::read);
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
