package org.linli.volunteering.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.QrCodes;
import org.linli.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Volunteers see open recruitments, sign up first come first served, share the link, check in and out. */
@Controller
class RecruitmentPageController {

    private final Recruitments recruitments;
    private final Signups signups;
    private final Volunteers volunteers;
    private final Centers centers;
    private final Partners partners;
    private final String publicUrl;

    RecruitmentPageController(Recruitments recruitments, Signups signups, Volunteers volunteers, Centers centers,
            Partners partners, @Value("${linli.public-url:}") String publicUrl) {
        this.recruitments = recruitments;
        this.signups = signups;
        this.volunteers = volunteers;
        this.centers = centers;
        this.partners = partners;
        this.publicUrl = publicUrl;
    }

    private String base() {
        return publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
    }

    @GetMapping("/recruitments")
    String list(@RequestParam(defaultValue = "1") String page, Model model) {
        List<String> all = centers.all().stream().map(c -> c.code().value()).toList();
        int size = 20;
        int pages = org.linli.platform.Paging.pages(recruitments.countUpcoming(all), size);
        int current = org.linli.platform.Paging.page(page, pages);
        model.addAttribute("recruitments", recruitments.upcoming(all, size, (current - 1) * size));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "volunteering/recruitments";
    }

    @GetMapping("/recruitments/{id}")
    String detail(@PathVariable long id, Model model, Principal principal) {
        Recruitment r = recruitments.find(id).orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", id));
        model.addAttribute("r", r);
        model.addAttribute("center", centers.require(r.centerCode()));
        Long me = ActorId.of(principal);
        Volunteer v = me == null ? null : volunteers.ofAccount(me).orElse(null);
        model.addAttribute("signedIn", me != null);
        model.addAttribute("volunteer", v);
        model.addAttribute("signup", v == null ? null : signups.live(id, v.id()).orElse(null));
        model.addAttribute("refusal", v == null ? null : Recruitments.refusal(r, v));
        OffsetDateTime now = OffsetDateTime.now();
        model.addAttribute("open", r.open() && r.startsAt().isAfter(now));
        model.addAttribute("door", !now.isBefore(r.startsAt().minusHours(1)) && now.isBefore(r.endsAt()));
        String link = base() + "/recruitments/" + id;
        model.addAttribute("shareLink", link);
        model.addAttribute("shareQr", QrCodes.svg(link, r.title()));
        return "volunteering/recruitment";
    }

    private String act(long id, Model model, Principal principal, HttpServletResponse response, Runnable action,
            String done) {
        try {
            action.run();
            return "redirect:/recruitments/" + id + "?" + done;
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && "RECRUITMENT_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return detail(id, model, principal);
        }
    }

    @PostMapping("/recruitments/{id}/signup")
    @Access(roles = Role.RESIDENT)
    String signUp(@PathVariable long id, Model model, Principal principal, HttpServletResponse response) {
        return act(id, model, principal, response, () -> signups.signUp(id, ActorId.of(principal), null), "signedUp");
    }

    @PostMapping("/recruitments/{id}/cancel")
    @Access(roles = Role.RESIDENT)
    String cancel(@PathVariable long id, Model model, Principal principal, HttpServletResponse response) {
        return act(id, model, principal, response, () -> signups.cancel(id, ActorId.of(principal), null), "cancelled");
    }

    @PostMapping("/recruitments/{id}/check-in")
    @Access(roles = Role.RESIDENT)
    String checkIn(@PathVariable long id, Model model, Principal principal, HttpServletResponse response) {
        return act(id, model, principal, response,
                () -> signups.checkIn(id, signups.actingFor(ActorId.of(principal), null).id()), "checkedIn");
    }

    @PostMapping("/recruitments/{id}/check-out")
    @Access(roles = Role.RESIDENT)
    String checkOut(@PathVariable long id, Model model, Principal principal, HttpServletResponse response) {
        return act(id, model, principal, response,
                () -> signups.checkOut(id, signups.actingFor(ActorId.of(principal), null).id()), "checkedOut");
    }

    /** After signing in from a button, the browser comes back with a GET: show the recruitment. */
    @GetMapping({"/recruitments/{id}/signup", "/recruitments/{id}/cancel", "/recruitments/{id}/check-in",
            "/recruitments/{id}/check-out"})
    String back(@PathVariable long id) {
        return "redirect:/recruitments/" + id;
    }

    @GetMapping("/partners/join/{token}")
    @Access(roles = Role.RESIDENT)
    String joinPage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "volunteering/join";
    }

    @PostMapping("/partners/join/{token}")
    @Access(roles = Role.RESIDENT)
    String join(@PathVariable String token, Principal principal, Model model, HttpServletResponse response) {
        try {
            partners.join(token, ActorId.of(principal));
            return "redirect:/volunteer?joined";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("token", token);
            return "volunteering/join";
        }
    }

    /** The coordinator's page: members, their hours, and the invitation link and QR code to share. */
    @GetMapping("/partners/{partnerCode}")
    @Access(roles = Role.RESIDENT)
    String coordinator(@PathVariable String partnerCode, Principal principal, Model model) {
        Partners.Partner p = partners.coordinated(partnerCode, ActorId.of(principal));
        String invite = base() + "/partners/join/" + p.inviteToken();
        model.addAttribute("partner", p);
        model.addAttribute("members", partners.members(p.id()));
        model.addAttribute("invite", invite);
        model.addAttribute("inviteQr", QrCodes.svg(invite, p.name()));
        return "volunteering/partner";
    }
}
