package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.linli.platform.QrCodes;
import org.linli.platform.Role;
import org.linli.residents.HouseholdDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Residents browse upcoming activities, register or join the waitlist, and cancel. */
@Controller
class ActivityPageController {

    private final ActivityRepository repository;
    private final Registrations registrations;
    private final Centers centers;
    private final HouseholdDirectory households;

    ActivityPageController(ActivityRepository repository, Registrations registrations, Centers centers,
            HouseholdDirectory households) {
        this.repository = repository;
        this.registrations = registrations;
        this.centers = centers;
        this.households = households;
    }

    @GetMapping("/activities")
    String list(@RequestParam(defaultValue = "") String category, @RequestParam(required = false) String center,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String age, @RequestParam(defaultValue = "1") String page, Model model) {
        String cat = "";
        try {
            cat = category.isBlank() ? "" : ActivityApiController.categoryOrRefuse(category);
        } catch (LinliException unknown) {
            cat = "";
        }
        String scopeCode = center != null && centers.find(center).isPresent() ? center : null;
        List<String> scope = scopeCode == null ? centers.all().stream().map(c -> c.code().value()).toList()
                : centers.subtree(scopeCode);
        // a filter the browser sent wrong is dropped (and shown empty), never an error page
        String fromDay = validDate(from);
        String toDay = validDate(to);
        Integer years = age.matches("\\d{1,3}") && Integer.parseInt(age) <= 120 ? Integer.valueOf(age) : null;
        ActivityRepository.Filter filter = ActivityApiController.filter(scope, cat, fromDay, toDay, years);
        int size = 20;
        int total = repository.countUpcoming(filter);
        int pages = org.linli.platform.Paging.pages(total, size);
        int current = org.linli.platform.Paging.page(page, pages);
        model.addAttribute("activities", repository.upcoming(filter, size, (current - 1) * size));
        model.addAttribute("category", cat);
        model.addAttribute("from", fromDay == null ? "" : fromDay);
        model.addAttribute("to", toDay == null ? "" : toDay);
        model.addAttribute("age", years == null ? "" : years.toString());
        model.addAttribute("center", scopeCode == null ? null : centers.require(scopeCode));
        model.addAttribute("categories", Activity.Category.values());
        model.addAttribute("streets", centers.all().stream().filter(c -> c.level().name().equals("STREET")).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "activities/list";
    }

    private static String validDate(String value) {
        try {
            return value.isBlank() ? null : RequestTimes.date("date", value).toString();
        } catch (LinliException invalid) {
            return null;
        }
    }

    @GetMapping("/activities/{id}")
    String detail(@PathVariable long id, Model model, Principal principal) {
        Activity a = repository.find(id).orElseThrow(() -> LinliException.notFound("ACTIVITY_NOT_FOUND", id));
        model.addAttribute("activity", a);
        model.addAttribute("center", centers.require(a.centerCode()));
        Long me = ActorId.of(principal);
        // every registration this person made here (themself and household members), read once
        List<Registrations.Place> mine = me == null ? List.of() : registrations.mine(id, me);
        Registrations.Place place = mine.stream().filter(p -> p.personId() == null).findFirst().orElse(null);
        model.addAttribute("place", place);
        model.addAttribute("signedIn", me != null);
        List<Map<String, Object>> family = new ArrayList<>();
        if (me != null && a.familyRegistration()) {
            Map<Long, Registrations.Place> theirs = new HashMap<>();
            mine.stream().filter(p -> p.personId() != null).forEach(p -> theirs.put(p.personId(), p));
            for (HouseholdDirectory.Member member : households.managedBy(me)) {
                Map<String, Object> row = new HashMap<>();
                row.put("member", member);
                row.put("place", theirs.get(member.personId()));
                family.add(row);
            }
        }
        model.addAttribute("family", family);
        // a confirmed person shows this at the door; staff scan it with their phone and check them in
        Map<Long, String> doorQr = new HashMap<>();
        if (!mine.isEmpty()) {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            for (Registrations.Place p : mine) {
                if (p.status() == Registrations.Status.CONFIRMED && p.checkInCode() != null) {
                    doorQr.put(p.personId() == null ? 0L : p.personId(), QrCodes.svg(base + "/staff/centers/"
                            + a.centerCode() + "/activities/" + id + "?code=" + p.checkInCode(), p.checkInCode()));
                }
            }
        }
        model.addAttribute("doorQr", doorQr);
        model.addAttribute("showStream", a.streamUrl() != null && place != null
                && place.status() == Registrations.Status.CONFIRMED);
        model.addAttribute("open", OffsetDateTime.now(RequestTimes.ZONE).isBefore(a.registrationClosesAt())
                && !OffsetDateTime.now(RequestTimes.ZONE).isBefore(a.registrationOpensAt())
                && OffsetDateTime.now(RequestTimes.ZONE).isBefore(a.startsAt()));
        return "activities/detail";
    }

    @PostMapping("/activities/{id}/register")
    @Access(roles = Role.RESIDENT)
    String register(@PathVariable long id, @RequestParam(required = false) Long person, Principal principal,
            Model model, HttpServletResponse response,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            Registrations.Place place = registrations.register(id, ActorId.of(principal), person,
                    OffsetDateTime.now(RequestTimes.ZONE));
            if (!place.clashes().isEmpty()) {
                redirect.addFlashAttribute("clashes", place.clashes());
            }
            return "redirect:/activities/" + id + "?registered";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && !"HOUSEHOLD_MEMBER_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return detail(id, model, principal);
        }
    }

    /** After signing in from a register button, the browser comes back here with a GET: show the activity. */
    @GetMapping({"/activities/{id}/register", "/activities/{id}/cancel"})
    String back(@PathVariable long id) {
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/cancel")
    @Access(roles = Role.RESIDENT)
    String cancel(@PathVariable long id, @RequestParam(required = false) Long person, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            registrations.cancel(id, ActorId.of(principal), person);
            return "redirect:/activities/" + id + "?cancelled";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && !"REGISTRATION_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return detail(id, model, principal);
        }
    }
}
