package org.linli.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.platform.LinliException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on a page becomes the error page in the user's language, with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final PageModelAdvice layout;

    PageExceptionHandler(PageModelAdvice layout) {
        this.layout = layout;
    }

    @ExceptionHandler(LinliException.class)
    ModelAndView refused(LinliException ex, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(ex.status().value());
        ModelAndView page = new ModelAndView("error/page", layout.attributes(request));
        page.setStatus(ex.status());
        page.addObject("status", ex.status().value());
        page.addObject("code", ex.code());
        page.addObject("args", ex.args());
        return page;
    }
}
