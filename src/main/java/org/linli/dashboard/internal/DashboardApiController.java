package org.linli.dashboard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboards", description = "Figures per center, street and district, from the dashboard's read tables")
class DashboardApiController {

    private final Dashboards dashboards;
    private final DashboardRebuild rebuild;
    private final Centers centers;
    private final DashboardController pages;

    DashboardApiController(Dashboards dashboards, DashboardRebuild rebuild, Centers centers, DashboardController pages) {
        this.dashboards = dashboards;
        this.rebuild = rebuild;
        this.centers = centers;
        this.pages = pages;
    }

    @GetMapping("/api/v1/centers/{code}/dashboard")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The scope's figures for a period (from/to, default the last twelve months): activities and "
            + "person-times, applications by category and channel with the on-time rate, appointments and extended-hours "
            + "use, study-room visits, active volunteers and hours, home visits")
    Dashboards.Figures figures(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        DashboardController.Period p = DashboardController.period(from, to);
        return dashboards.figures(centers.subtree(code), p.from(), p.to());
    }

    @GetMapping("/api/v1/centers/{code}/dashboard/compare")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The pilot centers under this one side by side on the same figures")
    Map<String, Dashboards.Figures> compare(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        DashboardController.Period p = DashboardController.period(from, to);
        return dashboards.compare(pages.pilots(code), p.from(), p.to());
    }

    @PostMapping("/api/v1/dashboard/rebuild")
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Re-derive the dashboard's read tables from every module's history")
    Map<String, Integer> rebuild() {
        return Map.of("facts", rebuild.rebuild());
    }


    @GetMapping("/api/v1/centers/{code}/dashboard/{table}.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "A dashboard table as a register spreadsheet: summary, categories, channels, appointments, "
            + "home-visits or compare")
    org.springframework.http.ResponseEntity<byte[]> register(@PathVariable String code, @PathVariable String table,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return pages.register(code, table, from, to);
    }
}
