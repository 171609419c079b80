package org.linli.centers.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The district admin (or a street admin in the street) adds a center under one they manage. */
@Controller
@Access(roles = {Role.DISTRICT_ADMIN, Role.STREET_ADMIN})
class CenterAdminPageController {

    private final Centers centers;
    private final CreateCenter createCenter;

    CenterAdminPageController(Centers centers, CreateCenter createCenter) {
        this.centers = centers;
        this.createCenter = createCenter;
    }

    @GetMapping("/admin/centers/{code}/children/new")
    String form(@PathVariable String code, Model model) {
        model.addAttribute("parent", centers.require(code));
        return "centers/new";
    }

    @PostMapping("/admin/centers/{code}/children")
    String create(@PathVariable String code, CreateCenter.Command command, HttpServletRequest request,
            HttpServletResponse response, Principal principal, Model model) {
        try {
            Center center = createCenter.under(code, command, ActorId.of(principal), ClientAddress.of(request));
            return "redirect:/centers/" + center.code().value();
        } catch (LinliException refusal) {
            model.addAttribute("parent", centers.require(code));
            model.addAttribute("command", command);
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return "centers/new";
        }
    }
}
