package org.linli.platform.internal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.linli.platform.LinliProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: demo banner, elder mode, and the switch links. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final LinliProperties properties;

    PageModelAdvice(LinliProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        model.addAllAttributes(attributes(request));
    }

    /** Also used where no model attribute methods run, such as exception handlers. */
    Map<String, Object> attributes(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        PageLinks links = original != null
                ? new PageLinks(original.toString(), null)
                : new PageLinks(request.getRequestURI(), request.getQueryString());
        return Map.of("demoMode", properties.demo(), "elderMode", Preferences.elderMode(request),
                "pageLinks", links);
    }
}
