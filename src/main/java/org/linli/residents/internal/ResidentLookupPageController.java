package org.linli.residents.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff at the window look a resident up; the full ID number needs a reason and is logged. */
@Controller
@Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
class ResidentLookupPageController {

    private final ResidentLookup lookup;
    private final Callers callers;
    private final Centers centers;

    ResidentLookupPageController(ResidentLookup lookup, Callers callers, Centers centers) {
        this.lookup = lookup;
        this.callers = callers;
        this.centers = centers;
    }

    @GetMapping("/staff/centers/{code}/residents")
    String page(@PathVariable String code, Model model) {
        model.addAttribute("center", centers.require(code));
        return "residents/lookup";
    }

    /** A POST, so that an ID number never stands in a URL. */
    @PostMapping("/staff/centers/{code}/residents/search")
    String search(@PathVariable String code, @RequestParam(required = false) String q, Model model,
            HttpServletResponse response) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("found", lookup.find(code, q).map(MyDetailsApiController.MaskedDetails::forStaff)
                        .orElse(null));
                model.addAttribute("searched", true);
            } catch (LinliException refusal) {
                model.addAttribute("error", refusal);
                response.setStatus(refusal.status().value());
            }
        }
        return "residents/lookup";
    }

    @PostMapping("/staff/centers/{code}/residents/{personId}/reveal")
    String reveal(@PathVariable String code, @PathVariable long personId, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("found", MyDetailsApiController.MaskedDetails.forStaff(lookup.require(code, personId)));
        model.addAttribute("searched", true);
        try {
            model.addAttribute("revealed", lookup.reveal(callers.current().orElseThrow(), code, personId, reason,
                    ClientAddress.of(request)));
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
        }
        response.setHeader("Cache-Control", "no-store");
        return "residents/lookup";
    }
}
