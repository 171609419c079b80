package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A center's spaces with the coming week's timeline; groups book the bookable rooms. */
@Controller
class SpacePageController {

    private final Spaces spaces;
    private final Centers centers;

    SpacePageController(Spaces spaces, Centers centers) {
        this.spaces = spaces;
        this.centers = centers;
    }

    @GetMapping("/centers/{code}/spaces")
    String page(@PathVariable String code, Model model) {
        model.addAttribute("center", centers.require(code));
        OffsetDateTime from = LocalDate.now(RequestTimes.ZONE).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
        Map<Spaces.Space, Object> rows = new LinkedHashMap<>();
        for (Spaces.Space s : spaces.of(code)) {
            rows.put(s, spaces.timeline(code, s.code(), from, from.plusDays(7)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("tomorrow", LocalDate.now(RequestTimes.ZONE).plusDays(1));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "activities/spaces";
    }

    @PostMapping("/centers/{code}/spaces/{spaceCode}/book")
    @Access(roles = Role.RESIDENT)
    String book(@PathVariable String code, @PathVariable String spaceCode, @RequestParam Map<String, String> form,
            Principal principal, Model model, HttpServletResponse response) {
        try {
            String day = form.getOrDefault("day", "");
            spaces.book(code, spaceCode, new Spaces.BookingInput(form.get("groupName"), form.get("purpose"),
                    day + "T" + form.getOrDefault("from", ""), day + "T" + form.getOrDefault("to", "")),
                    ActorId.of(principal));
            return "redirect:/centers/" + code + "/spaces?booked=" + spaceCode;
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && !"SPACE_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            model.addAttribute("failedSpace", spaceCode);
            return page(code, model);
        }
    }
}
