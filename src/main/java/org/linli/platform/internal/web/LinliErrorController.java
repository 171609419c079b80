package org.linli.platform.internal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors no controller handled (an unknown path, a failure while rendering): a page in the user's
 * language for browsers, problem details for everyone else and for every {@code /api} path.
 * Never a stack trace.
 */
@Controller
@RequestMapping("/error")
class LinliErrorController implements ErrorController {

    private final Problems problems;
    private final JsonMapper json;

    LinliErrorController(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        int status = status(request);
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        if (originalPath(request).startsWith("/api/")) {
            ProblemDetail problem = problem(request, locale).getBody();
            ModelAndView view = new ModelAndView(new ProblemView(problem, json));
            view.setStatus(HttpStatus.valueOf(status));
            return view;
        }
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("code", code(request, status));
        page.addObject("args", new Object[0]);
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
        int status = status(request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.valueOf(status), code(request, status), locale, originalPath(request)));
    }

    private static String code(HttpServletRequest request, int status) {
        return status == 503 && down(request) ? "DATABASE_UNAVAILABLE" : Problems.codeFor(status);
    }

    /** A failure before any controller (the sign-in check in the filters) because the database is away. */
    private static boolean down(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && DatabaseDown.is(t);
    }

    private static int status(HttpServletRequest request) {
        if (down(request)) {
            return 503;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        return HttpStatus.resolve(status) == null ? 500 : status;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? "/" : uri.toString();
    }
}
