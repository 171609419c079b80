package org.linli.platform.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details in the caller's language: {@code title} from {@code status.NNN},
 * {@code detail} from {@code error.CODE}, and the stable {@code code} beside them.
 */
@Component
class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail of(HttpStatusCode status, String code, Locale locale, String path, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("status." + status.value(), null, "Error", locale));
        problem.setDetail(detail(code, locale, args));
        problem.setProperty("code", code);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    String detail(String code, Locale locale, Object... args) {
        return messages.getMessage("error." + code, args, code, locale);
    }

    /** The stable code for a status Spring or the servlet container decided on its own. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
        };
    }
}
