package org.linli.identity.internal.web;

import org.linli.audit.AuditLog;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log of a center and the centers under it, for its admins and the auditor. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final Centers centers;

    AuditPageController(AuditLog audit, Centers centers) {
        this.audit = audit;
        this.centers = centers;
    }

    @GetMapping("/admin/centers/{code}/audit")
    @Access(roles = {Role.AUDITOR, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String page(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String until, Model model) {
        int current = Math.max(0, Math.min(page, 100_000));
        java.time.LocalDate day;
        try {
            day = until == null || until.isBlank() ? null : org.linli.platform.RequestTimes.date("until", until);
        } catch (org.linli.platform.LinliException wrong) {
            day = null;
            model.addAttribute("error", wrong);
        }
        var entries = audit.page(centers.subtree(code), day, current, PAGE_SIZE + 1);
        model.addAttribute("until", day);
        model.addAttribute("center", centers.require(code));
        model.addAttribute("entries", entries.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        return "identity/audit";
    }
}
