package org.linli.volunteering.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.PdfDocuments;
import org.linli.platform.QrCodes;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.linli.residents.HouseholdDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The volunteer's own pages: register, my hours and records, corrections, certificates, consents. */
@Controller
class VolunteerPageController {

    private final Volunteers volunteers;
    private final ServiceRecords records;
    private final Certificates certificates;
    private final Centers centers;
    private final HouseholdDirectory households;
    private final VolunteerRepository repository;
    private final PdfDocuments pdf;
    private final String publicUrl;
    private final Partners partners;

    VolunteerPageController(Volunteers volunteers, ServiceRecords records, Certificates certificates, Centers centers,
            HouseholdDirectory households, VolunteerRepository repository, PdfDocuments pdf,
            @Value("${linli.public-url:}") String publicUrl, Partners partners) {
        this.partners = partners;
        this.volunteers = volunteers;
        this.records = records;
        this.certificates = certificates;
        this.centers = centers;
        this.households = households;
        this.repository = repository;
        this.pdf = pdf;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/volunteer")
    @Access(roles = Role.RESIDENT)
    String home(Model model, Principal principal) {
        long me = ActorId.of(principal);
        Volunteer v = volunteers.ofAccount(me).orElse(null);
        model.addAttribute("volunteer", v);
        model.addAttribute("communities", centers.all().stream().filter(c -> c.level() == CenterLevel.COMMUNITY)
                .toList());
        model.addAttribute("availabilities", Arrays.stream(Volunteers.Availability.values()).map(Enum::name).toList());
        model.addAttribute("realName", households.self(me).isPresent());
        model.addAttribute("home", households.homeCenter(me).orElse(""));
        if (v != null) {
            List<ServiceRecords.ServiceRecord> mine = records.ofVolunteer(v.id());
            model.addAttribute("records", mine);
            model.addAttribute("hours", "%.1f".formatted(mine.stream().filter(r -> "CONFIRMED".equals(r.status()))
                    .mapToInt(ServiceRecords.ServiceRecord::netMinutes).sum() / 60.0));
            model.addAttribute("emergency", volunteers.emergencyMasked(v));
            model.addAttribute("certificates", certificates.ofVolunteer(v.id()));
            model.addAttribute("recordCenters", mine.stream().map(ServiceRecords.ServiceRecord::centerCode).distinct()
                    .map(centers::require).toList());
        }
        // a guardian's side: teenagers waiting for consent, and children they registered
        model.addAttribute("children", repository.ofGuardian(me));
        model.addAttribute("waiting", households.managedBy(me).stream()
                .flatMap(m -> repository.byPerson(m.personId()).stream())
                .filter(x -> "PENDING_CONSENT".equals(x.status())).toList());
        model.addAttribute("minors", households.managedBy(me).stream().filter(m -> "CHILD".equals(m.relation()))
                .filter(m -> repository.byPerson(m.personId()).isEmpty()).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("coordinated", partners.coordinatedBy(me));
        model.addAttribute("today", LocalDate.now(RequestTimes.ZONE).toString());
        model.addAttribute("yearStart", LocalDate.now(RequestTimes.ZONE).withDayOfYear(1).toString());
        return "volunteering/home";
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @PostMapping("/volunteer")
    @Access(roles = Role.RESIDENT)
    String register(@RequestParam Map<String, String> form,
            @RequestParam(name = "availability", required = false) List<String> availability, Principal principal,
            Model model, HttpServletResponse response) {
        Volunteers.Form f = new Volunteers.Form(list(form.get("skills")), list(form.get("languages")), availability,
                list(form.get("serviceAreas")), form.get("emergencyName"), form.get("emergencyPhone"),
                form.get("centerCode"));
        try {
            if (volunteers.ofAccount(ActorId.of(principal)).isPresent()) {
                volunteers.update(ActorId.of(principal), f);
            } else {
                volunteers.register(ActorId.of(principal), f);
            }
            return "redirect:/volunteer?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return home(model, principal);
        }
    }

    @PostMapping("/volunteer/children")
    @Access(roles = Role.RESIDENT)
    String registerChild(@RequestParam long personId, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            volunteers.registerChild(ActorId.of(principal), personId,
                    new Volunteers.Form(null, null, null, null, null, null, null));
            return "redirect:/volunteer?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return home(model, principal);
        }
    }

    @PostMapping("/volunteer/consents/{volunteerId}")
    @Access(roles = Role.RESIDENT)
    String consent(@PathVariable long volunteerId, Principal principal, Model model, HttpServletResponse response) {
        try {
            volunteers.consent(ActorId.of(principal), volunteerId);
            return "redirect:/volunteer?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return home(model, principal);
        }
    }

    @PostMapping("/volunteer/records/{id}/correction")
    @Access(roles = Role.RESIDENT)
    String correction(@PathVariable long id, @RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            Volunteer v = volunteers.ofAccount(ActorId.of(principal))
                    .orElseThrow(() -> LinliException.conflict("NOT_A_VOLUNTEER"));
            Integer minutes;
            try {
                minutes = Integer.valueOf(form.getOrDefault("netMinutes", "").trim());
            } catch (NumberFormatException notANumber) {
                minutes = null;
            }
            records.requestCorrection(v, id, new ServiceRecords.CorrectionRequest(form.get("startedAt"),
                    form.get("endedAt"), minutes, form.get("reason")));
            return "redirect:/volunteer?corrected";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return home(model, principal);
        }
    }

    @PostMapping("/volunteer/certificates")
    @Access(roles = Role.RESIDENT)
    String certificate(@RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            Volunteer v = volunteers.ofAccount(ActorId.of(principal))
                    .orElseThrow(() -> LinliException.conflict("NOT_A_VOLUNTEER"));
            Certificates.Certificate c = certificates.issue(v, form.get("centerCode"), form.get("from"), form.get("to"),
                    ActorId.of(principal));
            return "redirect:/volunteer?issued=" + c.id();
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return home(model, principal);
        }
    }

    @GetMapping("/volunteer/certificates/{id}.pdf")
    @Access(roles = Role.RESIDENT)
    ResponseEntity<byte[]> certificatePdf(@PathVariable long id, Principal principal, java.util.Locale locale) {
        Volunteer v = volunteers.ofAccount(ActorId.of(principal))
                .orElseThrow(() -> LinliException.notFound("CERTIFICATE_NOT_FOUND"));
        Certificates.Certificate c = certificates.byId(id).filter(x -> x.volunteerId() == v.id())
                .orElseThrow(() -> LinliException.notFound("CERTIFICATE_NOT_FOUND"));
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        String verify = base + "/certificates/verify?code=" + c.verificationCode();
        byte[] body = pdf.render("volunteering/certificate", Map.of("c", c,
                "center", centers.require(c.centerCode()),
                "name", households.self(ActorId.of(principal)).map(HouseholdDirectory.Member::maskedName).orElse(""),
                "qr", QrCodes.pngDataUri(verify, 4), "verifyUrl", verify,
                "records", records.ofVolunteer(v.id()).stream().filter(r -> "CONFIRMED".equals(r.status())
                        && r.centerCode().equals(c.centerCode()) && !r.serviceDate().isBefore(c.periodFrom())
                        && !r.serviceDate().isAfter(c.periodTo())).toList()), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.serial() + ".pdf\"").body(body);
    }

    @GetMapping("/certificates/verify")
    String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (!code.isBlank()) {
            Certificates.Certificate c = certificates.verify(code).orElse(null);
            model.addAttribute("certificate", c);
            model.addAttribute("checked", true);
            if (c == null) {
                response.setStatus(404);
            } else {
                model.addAttribute("center", centers.require(c.centerCode()));
            }
        }
        return "volunteering/verify";
    }
}
