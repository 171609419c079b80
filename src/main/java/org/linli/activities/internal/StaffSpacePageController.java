package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The center admin adds and edits the center's spaces: name, type, capacity, operator, whether bookable. */
@Controller
class StaffSpacePageController {

    private final Spaces spaces;
    private final Centers centers;

    StaffSpacePageController(Spaces spaces, Centers centers) {
        this.spaces = spaces;
        this.centers = centers;
    }

    @GetMapping("/staff/centers/{code}/spaces")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String list(@PathVariable String code, @RequestParam(defaultValue = "") String edit, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("spaces", spaces.of(code));
        model.addAttribute("types", java.util.Arrays.stream(Spaces.Type.values()).map(Enum::name).toList());
        if (!model.containsAttribute("form")) {
            Map<String, String> form = spaces.find(code, edit).map(s -> Map.of("code", s.code(), "name", s.name(),
                    "type", s.type(), "capacity", String.valueOf(s.capacity()),
                    "operator", s.operator() == null ? "" : s.operator(), "bookable", s.bookable() ? "on" : ""))
                    .orElse(Map.of());
            model.addAttribute("form", form);
        }
        model.addAttribute("editing", model.getAttribute("form") instanceof Map<?, ?> f && f.containsKey("code")
                && spaces.find(code, String.valueOf(f.get("code"))).isPresent());
        return "activities/staff-spaces";
    }

    @PostMapping("/staff/centers/{code}/spaces")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            Integer capacity;
            try {
                capacity = Integer.valueOf(form.getOrDefault("capacity", "").trim());
            } catch (NumberFormatException notANumber) {
                capacity = null;
            }
            Spaces.Space saved = spaces.save(code, new Spaces.SpaceInput(form.get("code"), form.get("name"),
                    form.get("type"), capacity, form.get("operator"), "on".equals(form.get("bookable"))));
            return "redirect:/staff/centers/" + code + "/spaces?saved=" + saved.code();
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return list(code, "", model);
        }
    }
}
