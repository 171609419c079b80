package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Staff run surveys, read the answers counted and charted, and turn residents' suggestions into activities. */
@Controller
class StaffNeedsPageController {

    static final int QUESTION_SLOTS = 5;

    private final Surveys surveys;
    private final Suggestions suggestions;
    private final Centers centers;
    private final JsonMapper json;
    private final MessageSource messages;

    StaffNeedsPageController(Surveys surveys, Suggestions suggestions, Centers centers, JsonMapper json,
            MessageSource messages) {
        this.surveys = surveys;
        this.suggestions = suggestions;
        this.centers = centers;
        this.json = json;
        this.messages = messages;
    }

    /** A bar chart's data for charts.js; the page shows the same figures in a table. */
    private String chart(List<String> labels, List<Integer> values) {
        return json.writeValueAsString(Map.of("labels", labels, "values", values));
    }

    @GetMapping("/staff/centers/{code}/needs")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String needs(@PathVariable String code, @RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("surveys", surveys.list(code, false));
        int size = 20;
        int pages = org.linli.platform.Paging.pages(suggestions.count(code), size);
        int current = org.linli.platform.Paging.page(page, pages);
        model.addAttribute("suggestions", suggestions.page(code, size, (current - 1) * size));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        Map<String, Integer> byCategory = suggestions.byCategory(code);
        List<String> labels = byCategory.keySet().stream().map(c -> messages.getMessage(
                c.isEmpty() ? "needs.anyCategory" : "act.category." + c, null, LocaleContextHolder.getLocale())).toList();
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("categoryLabels", labels);
        model.addAttribute("categoryChart", chart(labels, List.copyOf(byCategory.values())));
        model.addAttribute("slots", java.util.stream.IntStream.rangeClosed(1, QUESTION_SLOTS).boxed().toList());
        model.addAttribute("kinds", Arrays.stream(Surveys.Kind.values()).map(Enum::name).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "activities/staff-needs";
    }

    @PostMapping("/staff/centers/{code}/surveys")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String create(@PathVariable String code, @RequestParam Map<String, String> form, Principal principal,
            Model model, HttpServletResponse response) {
        List<Surveys.QuestionInput> questions = new ArrayList<>();
        for (int i = 1; i <= QUESTION_SLOTS; i++) {
            String options = form.getOrDefault("options" + i, "");
            questions.add(new Surveys.QuestionInput(form.get("kind" + i), form.get("text" + i),
                    Arrays.stream(options.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList()));
        }
        try {
            long id = surveys.create(code, form.get("title"), form.get("intro"), questions, ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/surveys/" + id + "?created";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return needs(code, "1", model);
        }
    }

    @GetMapping("/staff/centers/{code}/surveys/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String results(@PathVariable String code, @PathVariable long id, Model model) {
        Surveys.Survey survey = surveys.find(code, id)
                .orElseThrow(() -> LinliException.notFound("SURVEY_NOT_FOUND", id));
        model.addAttribute("center", centers.require(code));
        model.addAttribute("survey", survey);
        model.addAttribute("results", surveys.results(survey).stream().map(r -> Map.of("result", r,
                "chart", r.question().choice() ? chart(r.question().options(), r.counts()) : "")).toList());
        return "activities/staff-survey";
    }

    @PostMapping("/staff/centers/{code}/surveys/{id}/close")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String close(@PathVariable String code, @PathVariable long id) {
        try {
            surveys.close(code, id);
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
        }
        return "redirect:/staff/centers/" + code + "/surveys/" + id + "?closed";
    }

    @PostMapping("/staff/centers/{code}/suggestions/{id}/decline")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String decline(@PathVariable String code, @PathVariable long id) {
        try {
            suggestions.decline(code, id);
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
        }
        return "redirect:/staff/centers/" + code + "/needs?declined";
    }
}
