package org.linli.volunteering.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff post recruitments, check volunteers in and out, confirm hours, review corrections, keep partners. */
@Controller
class StaffVolunteerPageController {

    private final Recruitments recruitments;
    private final Signups signups;
    private final ServiceRecords records;
    private final Partners partners;
    private final Centers centers;
    private final AccountDirectory accounts;

    StaffVolunteerPageController(Recruitments recruitments, Signups signups, ServiceRecords records,
            Partners partners, Centers centers, AccountDirectory accounts) {
        this.recruitments = recruitments;
        this.signups = signups;
        this.records = records;
        this.partners = partners;
        this.centers = centers;
        this.accounts = accounts;
    }

    private static String refused(LinliException refusal, Model model, HttpServletResponse response) {
        if (refusal.status().value() == 404) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        model.addAttribute("error", refusal);
        return null;
    }

    @GetMapping("/staff/centers/{code}/recruitments")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String list(@PathVariable String code, @RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("recruitments", recruitments.ofCenter(code,
                OffsetDateTime.now(RequestTimes.ZONE).minusDays(30), 50, 0));
        model.addAttribute("teams", partners.teams(code));
        model.addAttribute("pending", records.countPending(code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "volunteering/staff-recruitments";
    }

    @PostMapping("/staff/centers/{code}/recruitments")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String publish(@PathVariable String code, @RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            Integer needed;
            Integer minAge;
            try {
                needed = Integer.valueOf(form.getOrDefault("needed", "").trim());
            } catch (NumberFormatException e) {
                needed = null;
            }
            try {
                minAge = form.getOrDefault("minAge", "").isBlank() ? null : Integer.valueOf(form.get("minAge").trim());
            } catch (NumberFormatException e) {
                minAge = -1;
            }
            Recruitment r = recruitments.publish(code, new Recruitments.NewRecruitment(form.get("title"),
                    form.get("description"), form.get("place"), form.get("startsAt"), form.get("endsAt"), needed,
                    Arrays.stream(form.getOrDefault("skills", "").split("[,，、\\s]+")).filter(s -> !s.isBlank())
                            .toList(), minAge, "on".equals(form.get("dangerous")), null, form.get("teamCode")),
                    ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/recruitments/" + r.id() + "?published";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            model.addAttribute("form", form);
            return list(code, "1", model);
        }
    }

    @GetMapping("/staff/centers/{code}/recruitments/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String detail(@PathVariable String code, @PathVariable long id, Model model) {
        Recruitment r = recruitments.find(id).filter(x -> x.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", id));
        List<Signups.Row> rows = signups.rows(id);
        var contacts = accounts.contacts(rows.stream().map(Signups.Row::accountId)
                .filter(java.util.Objects::nonNull).toList());
        List<Map<String, Object>> view = new ArrayList<>();
        for (Signups.Row row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", row);
            var c = row.accountId() == null ? null : contacts.get(row.accountId());
            m.put("phone", c == null || c.phone() == null ? "" : new PhoneNumber(c.phone()).masked());
            m.put("confirmed", "CONFIRMED".equals(row.status()));
            view.add(m);
        }
        model.addAttribute("center", centers.require(code));
        model.addAttribute("r", r);
        model.addAttribute("rows", view);
        return "volunteering/staff-recruitment";
    }

    @PostMapping("/staff/centers/{code}/recruitments/{id}/volunteers/{volunteerId}/{action}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String door(@PathVariable String code, @PathVariable long id, @PathVariable long volunteerId,
            @PathVariable String action, Model model, HttpServletResponse response) {
        recruitments.find(id).filter(x -> x.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", id));
        try {
            switch (action) {
                case "check-in" -> signups.checkIn(id, volunteerId);
                case "check-out" -> signups.checkOut(id, volunteerId);
                default -> throw LinliException.notFound("NOT_FOUND");
            }
            return "redirect:/staff/centers/" + code + "/recruitments/" + id + "?done";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            return detail(code, id, model);
        }
    }

    @GetMapping("/staff/centers/{code}/service-records")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String pending(@PathVariable String code, @RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("center", centers.require(code));
        int size = 30;
        int pages = org.linli.platform.Paging.pages(records.countPending(code), size);
        int current = org.linli.platform.Paging.page(page, pages);
        model.addAttribute("records", records.pending(code, size, (current - 1) * size));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("corrections", records.openCorrections(code));
        return "volunteering/staff-records";
    }

    @PostMapping("/staff/centers/{code}/service-records/{id}/confirm")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String confirm(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String netMinutes,
            Principal principal, Model model, HttpServletResponse response) {
        try {
            Integer minutes = netMinutes.isBlank() ? null : Integer.valueOf(netMinutes.trim());
            records.confirm(code, id, minutes, ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/service-records?confirmed";
        } catch (NumberFormatException notANumber) {
            response.setStatus(400);
            model.addAttribute("error", LinliException.invalidField("netMinutes", "NET_MINUTES_REQUIRED"));
            return pending(code, "1", model);
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            return pending(code, "1", model);
        }
    }

    @PostMapping("/staff/centers/{code}/service-records/{id}/reject")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String reject(@PathVariable String code, @PathVariable long id, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            records.reject(code, id, ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/service-records?rejected";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            return pending(code, "1", model);
        }
    }

    @PostMapping("/staff/centers/{code}/corrections/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String decide(@PathVariable String code, @PathVariable long id, @RequestParam boolean approve,
            Principal principal, Model model, HttpServletResponse response) {
        try {
            records.decide(code, id, approve, ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/service-records?decided";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            return pending(code, "1", model);
        }
    }

    @GetMapping("/staff/centers/{code}/partners")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String partners(@PathVariable String code, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("partners", partners.ofCenter(code));
        model.addAttribute("teams", partners.teams(code));
        model.addAttribute("kinds", Arrays.stream(Partners.Kind.values()).map(Enum::name).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "volunteering/staff-partners";
    }

    @PostMapping("/staff/centers/{code}/partners")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String register(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            partners.register(code, new Partners.NewPartner(form.get("code"), form.get("name"), form.get("kind"),
                    form.get("creditCode"), form.get("agreementFrom"), form.get("agreementTo"), form.get("provides"),
                    form.get("coordinatorPhone")));
            return "redirect:/staff/centers/" + code + "/partners?saved";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            model.addAttribute("form", form);
            return partners(code, model);
        }
    }

    @PostMapping("/staff/centers/{code}/teams")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String team(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            partners.saveTeam(code, form.get("teamCode"), form.get("teamName"), form.get("webhookUrl"));
            return "redirect:/staff/centers/" + code + "/partners?saved";
        } catch (LinliException refusal) {
            refused(refusal, model, response);
            model.addAttribute("teamForm", form);
            return partners(code, model);
        }
    }
}
