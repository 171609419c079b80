package org.linli.roster.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Roster", description = "Duty rosters for extended hours, solved by OptaPlanner")
class RosterApiController {

    private final Rosters rosters;
    private final CompensatoryTime compensatory;

    RosterApiController(Rosters rosters, CompensatoryTime compensatory) {
        this.rosters = rosters;
        this.compensatory = compensatory;
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField("month", "MONTH_INVALID");
        }
    }

    @PostMapping("/api/v1/centers/{code}/rosters/{month}/generate")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Solve the month's duty roster (a draft): every extended session staffed, hard rules kept, "
            + "duties spread fairly; when it cannot be covered, `broken` names the shifts and the rules")
    Rosters.View generate(@PathVariable String code, @PathVariable String month) {
        return rosters.generate(code, month(month));
    }

    @PostMapping("/api/v1/centers/{code}/rosters/{month}/publish")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Publish the month's roster (only a feasible one); each rostered staff member is told")
    Rosters.View publish(@PathVariable String code, @PathVariable String month) {
        return rosters.publish(code, month(month));
    }

    @GetMapping("/api/v1/centers/{code}/rosters/{month}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The month's roster: duties, each person's count, the score")
    Rosters.View get(@PathVariable String code, @PathVariable String month) {
        return rosters.view(code, month(month))
                .orElseThrow(() -> LinliException.notFound("ROSTER_NOT_FOUND", month));
    }

    record Unavailable(String reason) {
    }

    @PutMapping("/api/v1/centers/{code}/unavailability/{date}")
    @Access(roles = Role.STAFF)
    @Operation(summary = "I am unavailable that day (state it before the roster is generated)")
    ResponseEntity<Void> unavailable(@PathVariable String code, @PathVariable String date,
            @RequestBody(required = false) Unavailable body, Principal principal) {
        rosters.unavailable(code, ActorId.of(principal), RequestTimes.date("date", date),
                body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/duties")
    @Access(roles = Role.STAFF)
    @Operation(summary = "My published duties from today on")
    Map<String, List<Rosters.Duty>> mine(Principal principal) {
        return Map.of("duties", rosters.mine(ActorId.of(principal)));
    }

    @GetMapping("/api/v1/centers/{code}/compensatory/me")
    @Access(roles = Role.STAFF)
    @Operation(summary = "My compensatory time at this center: the balance in days and every entry (credit, late "
            + "start, use, expiry) with its reason")
    Map<String, Object> myCompensatory(@PathVariable String code, Principal principal) {
        long me = ActorId.of(principal);
        return Map.of("balance", compensatory.balance(code, me), "entries", compensatory.entries(code, me));
    }

    record LeaveInput(String date, java.math.BigDecimal days) {
    }

    @PostMapping("/api/v1/centers/{code}/leave-requests")
    @Access(roles = Role.STAFF)
    @Operation(summary = "Ask for compensatory leave (0.5 or 1 day, a working day) against my balance; beyond it → 409")
    ResponseEntity<CompensatoryTime.LeaveRequest> requestLeave(@PathVariable String code, @RequestBody LeaveInput body,
            Principal principal) {
        return ResponseEntity.status(201).body(compensatory.request(code, ActorId.of(principal),
                RequestTimes.date("date", body.date()), body.days()));
    }

    @GetMapping("/api/v1/centers/{code}/leave-requests")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Leave requests waiting for a decision")
    Map<String, Object> leaveRequests(@PathVariable String code) {
        return Map.of("requests", compensatory.pendingAt(code));
    }

    record Decision(Boolean approve) {
    }

    @PostMapping("/api/v1/centers/{code}/leave-requests/{id}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Approve (a use entry in the ledger) or decline a leave request")
    ResponseEntity<Void> decide(@PathVariable String code, @PathVariable long id, @RequestBody Decision body,
            Principal principal) {
        if (body == null || body.approve() == null) {
            throw LinliException.invalidField("approve", "DECISION_REQUIRED");
        }
        compensatory.decide(code, id, body.approve(), ActorId.of(principal));
        return ResponseEntity.noContent().build();
    }
}
