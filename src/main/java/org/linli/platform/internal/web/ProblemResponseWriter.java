package org.linli.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.linli.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

@Component
class ProblemResponseWriter implements ProblemResponses {

    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponseWriter(Problems problems, LocaleResolver locales, JsonMapper json) {
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(status, code, locale, request.getRequestURI(), args);
        response.setStatus(status.value());
        new ProblemView(problem, json).render(java.util.Map.of(), request, response);
    }
}
