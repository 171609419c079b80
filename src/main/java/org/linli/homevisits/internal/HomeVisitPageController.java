package org.linli.homevisits.internal;

import static org.linli.platform.PageRefusals.attempt;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Paging;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The center's home-visit page for staff, the visitor's day, and the resident's own page. */
@Controller
class HomeVisitPageController {

    private static final int PAGE = 20;

    private final HomeCareRegister register;
    private final HomeVisits visits;
    private final HomeVisitApiController api;
    private final Centers centers;
    private final AccountDirectory accounts;

    HomeVisitPageController(HomeCareRegister register, HomeVisits visits, HomeVisitApiController api, Centers centers,
            AccountDirectory accounts) {
        this.register = register;
        this.visits = visits;
        this.api = api;
        this.centers = centers;
        this.accounts = accounts;
    }

    @GetMapping("/staff/centers/{code}/home-visits")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String center(@PathVariable String code, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("center", centers.require(code));
        int total = register.count(code);
        int p = Paging.page(page, Paging.pages(total, PAGE));
        model.addAttribute("entries", register.list(code, PAGE, (p - 1) * PAGE));
        model.addAttribute("page", p);
        model.addAttribute("pages", Paging.pages(total, PAGE));
        model.addAttribute("open", visits.open(code, false, 50, 0));
        model.addAttribute("overdue", visits.openCount(code, true));
        boolean admin = api.isAdmin(code);
        model.addAttribute("admin", admin);
        model.addAttribute("mayAssign", admin || visits.staffMayAssign(code));
        model.addAttribute("visitors", accounts.staffAt(code));
        model.addAttribute("reasons", List.of("AGE_80_PLUS", "DISABILITY", "LIVES_ALONE", "TEMPORARY_ILLNESS", "OTHER"));
        model.addAttribute("purposes", List.of("APPLICATION", "PENSION_CHECK", "CHECK_IN", "SIGN_FORM"));
        model.addAttribute("today", LocalDate.now(RequestTimes.ZONE).toString());
        if (admin) {
            model.addAttribute("summary", visits.summary(code, HomeVisitApiController.month(null)));
        }
        return "homevisits/center";
    }

    @PostMapping("/staff/centers/{code}/home-care")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String record(@PathVariable String code, @ModelAttribute HomeCareRegister.Input input, Principal principal,
            Model model, HttpServletResponse response) {
        if (attempt(() -> register.record(code, ActorId.of(principal), input), model, response)) {
            return "redirect:/staff/centers/" + code + "/home-visits?saved";
        }
        model.addAttribute("input", input);
        return center(code, null, model);
    }

    @PostMapping("/staff/centers/{code}/home-visits")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String ask(@PathVariable String code, @RequestParam(defaultValue = "0") long entryId,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String preferredTimes, Principal principal, Model model,
            HttpServletResponse response) {
        return attempt(() -> api.requestByStaff(code, new HomeVisitApiController.VisitInput(entryId, purpose, itemCode,
                preferredTimes, null), principal), model, response)
                ? "redirect:/staff/centers/" + code + "/home-visits?saved" : center(code, null, model);
    }

    @PostMapping("/staff/centers/{code}/home-visits/{visitId}/assignment")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String assign(@PathVariable String code, @PathVariable long visitId, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "0") long visitor, @RequestParam(defaultValue = "0") long visitor2,
            Principal principal, Model model, HttpServletResponse response) {
        List<Long> people = new ArrayList<>(List.of(visitor));
        if (visitor2 > 0) {
            people.add(visitor2);
        }
        return attempt(() -> api.assign(code, visitId, new HomeVisitApiController.Assignment(date, people), principal),
                model, response) ? "redirect:/staff/centers/" + code + "/home-visits?saved" : center(code, null, model);
    }

    @PostMapping("/staff/centers/{code}/home-visits/{visitId}/cancel")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String cancel(@PathVariable String code, @PathVariable long visitId, Model model, HttpServletResponse response) {
        return attempt(() -> visits.cancel(code, visitId), model, response)
                ? "redirect:/staff/centers/" + code + "/home-visits?saved" : center(code, null, model);
    }

    @GetMapping("/me/home-visits")
    @Access(roles = {Role.STAFF, Role.VOLUNTEER})
    String today(Model model, Principal principal) {
        model.addAttribute("assigned", api.assigned(ActorId.of(principal), LocalDate.now(RequestTimes.ZONE)));
        return "homevisits/today";
    }

    @PostMapping("/me/home-visits/{visitId}/record")
    @Access(roles = {Role.STAFF, Role.VOLUNTEER})
    String recordVisit(@PathVariable long visitId, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String signature, @RequestParam(required = false) String nextInDays,
            Principal principal, Model model, HttpServletResponse response) {
        Integer next;
        try {
            next = nextInDays == null || nextInDays.isBlank() ? null : Integer.valueOf(nextInDays.trim());
        } catch (NumberFormatException e) {
            next = 0;
        }
        Integer days = next;
        return attempt(() -> api.recordVisit(visitId, new HomeVisitApiController.RecordInput(summary, null, null,
                signature, days), principal), model, response) ? "redirect:/me/home-visits?saved"
                : today(model, principal);
    }

    @GetMapping("/me/home-care")
    @Access(roles = Role.RESIDENT)
    String mine(Model model, Principal principal) {
        model.addAttribute("held", api.mine(false, principal).getBody().get("entries"));
        model.addAttribute("purposes", List.of("PENSION_CHECK", "CHECK_IN", "SIGN_FORM", "APPLICATION"));
        return "homevisits/mine";
    }

    @GetMapping("/me/home-care.json")
    @Access(roles = Role.RESIDENT)
    org.springframework.http.ResponseEntity<Map<String, Object>> download(Principal principal) {
        return api.mine(true, principal);
    }

    @PostMapping("/me/home-care/visits")
    @Access(roles = Role.RESIDENT)
    String askMine(@RequestParam(required = false) Long entryId, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String preferredTimes,
            @RequestParam(required = false) String note, Principal principal, Model model,
            HttpServletResponse response) {
        return attempt(() -> api.requestByResident(new HomeVisitApiController.VisitInput(entryId, purpose, itemCode,
                preferredTimes, note), principal), model, response) ? "redirect:/me/home-care?saved"
                : mine(model, principal);
    }

    @PostMapping("/me/home-care/visits/{visitId}/cancel")
    @Access(roles = Role.RESIDENT)
    String cancelMine(@PathVariable long visitId, Principal principal, Model model, HttpServletResponse response) {
        return attempt(() -> api.cancelMine(visitId, principal), model, response) ? "redirect:/me/home-care?saved"
                : mine(model, principal);
    }

    @PostMapping("/me/home-care/delete")
    @Access(roles = Role.RESIDENT)
    String erase(Principal principal) {
        register.erase(ActorId.of(principal));
        return "redirect:/me/home-care?deleted";
    }

}
