package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Residents answer a center's surveys and suggest activities. */
@Controller
class NeedsPageController {

    private final Surveys surveys;
    private final Suggestions suggestions;
    private final Centers centers;

    NeedsPageController(Surveys surveys, Suggestions suggestions, Centers centers) {
        this.surveys = surveys;
        this.suggestions = suggestions;
        this.centers = centers;
    }

    @GetMapping("/centers/{code}/needs")
    String needs(@PathVariable String code, Model model, Principal principal) {
        model.addAttribute("center", centers.require(code));
        Long me = ActorId.of(principal);
        List<Map<String, Object>> rows = surveys.list(code, true).stream().map(s -> Map.<String, Object>of("survey", s,
                "answered", me != null && surveys.answered(s.id(), me))).toList();
        model.addAttribute("surveys", rows);
        model.addAttribute("signedIn", me != null);
        model.addAttribute("categories", Arrays.stream(Activity.Category.values()).map(Enum::name).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "activities/needs";
    }

    @PostMapping("/centers/{code}/suggestions")
    @Access(roles = Role.RESIDENT)
    String suggest(@PathVariable String code, @RequestParam Map<String, String> form, Principal principal,
            Model model, HttpServletResponse response) {
        try {
            suggestions.suggest(code, ActorId.of(principal), form.get("title"), form.get("detail"),
                    form.get("category"));
            return "redirect:/centers/" + code + "/needs?suggested";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return needs(code, model, principal);
        }
    }

    @GetMapping("/centers/{code}/surveys/{id}")
    @Access(roles = Role.RESIDENT)
    String survey(@PathVariable String code, @PathVariable long id, Model model, Principal principal) {
        Surveys.Survey survey = surveys.find(code, id)
                .orElseThrow(() -> LinliException.notFound("SURVEY_NOT_FOUND", id));
        model.addAttribute("center", centers.require(code));
        model.addAttribute("survey", survey);
        model.addAttribute("answered", surveys.answered(id, ActorId.of(principal)));
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", Map.of());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "activities/survey";
    }

    @PostMapping("/centers/{code}/surveys/{id}")
    @Access(roles = Role.RESIDENT)
    String answer(@PathVariable String code, @PathVariable long id, HttpServletRequest request, Model model,
            Principal principal, HttpServletResponse response) {
        Map<String, List<String>> answers = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("q\\d{1,2}")) {
                answers.put(name.substring(1), List.of(values));
            }
        });
        try {
            surveys.answer(code, id, ActorId.of(principal), answers);
            return "redirect:/centers/" + code + "/surveys/" + id + "?thanks";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            Map<String, String> problems = new HashMap<>();
            refusal.fieldErrors().forEach(e -> problems.put(e.field().replace("answers.", ""), e.code()));
            model.addAttribute("problems", problems);
            model.addAttribute("given", answers);
            return survey(code, id, model, principal);
        }
    }
}
