package org.linli.identity.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.linli.audit.AuditLog;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Sign-ins, lockouts, role changes: who, when, from where")
class AuditApiController {

    private final AuditLog audit;
    private final Centers centers;

    AuditApiController(AuditLog audit, Centers centers) {
        this.audit = audit;
        this.centers = centers;
    }

    @GetMapping("/api/v1/audit")
    @Access(roles = Role.AUDITOR)
    @Operation(summary = "The whole audit log, newest first (the auditor); until=YYYY-MM-DD starts from that day back")
    Map<String, Object> all(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String until) {
        return Map.of("entries", audit.page(null, until == null || until.isBlank() ? null : RequestTimes.date("until", until), Math.max(page, 0), clamp(size)), "page", page);
    }

    @GetMapping("/api/v1/centers/{code}/audit")
    @Access(roles = {Role.AUDITOR, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The audit log of a center and the centers under it, newest first; until=YYYY-MM-DD")
    Map<String, Object> ofCenter(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String until) {
        List<String> scope = centers.subtree(code);
        return Map.of("entries", audit.page(scope, until == null || until.isBlank() ? null : RequestTimes.date("until", until), Math.max(page, 0), clamp(size)), "page", page);
    }

    private static int clamp(int size) {
        return Math.min(Math.max(size, 1), 200);
    }
}
