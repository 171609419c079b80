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
    private final RosterChanges changes;
    private final DutySwaps swaps;
    private final RosterRules rules;
    private final RosterReport reports;
    private final org.linli.centers.Centers centers;
    private final org.linli.identity.Callers callers;

    RosterApiController(Rosters rosters, CompensatoryTime compensatory, RosterChanges changes, DutySwaps swaps,
            RosterRules rules, RosterReport reports, org.linli.centers.Centers centers,
            org.linli.identity.Callers callers) {
        this.callers = callers;
        this.rosters = rosters;
        this.compensatory = compensatory;
        this.changes = changes;
        this.swaps = swaps;
        this.rules = rules;
        this.reports = reports;
        this.centers = centers;
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
    Rosters.View publish(@PathVariable String code, @PathVariable String month, Principal principal) {
        return rosters.publish(code, month(month), ActorId.of(principal));
    }

    record Adjustment(Long accountId, String reason) {
    }

    @PutMapping("/api/v1/centers/{code}/rosters/{month}/duties/{dutyId}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Give a duty to another staff member. On a draft the answer's `broken` lists every hard "
            + "rule the roster then breaks; on a published roster this re-publishes (a `reason` is required), is "
            + "refused naming the rule it would break (409 RULE_*), enters the history and tells both people")
    Rosters.View adjust(@PathVariable String code, @PathVariable String month, @PathVariable long dutyId,
            @RequestBody Adjustment body, Principal principal) {
        if (body == null || body.accountId() == null) {
            throw LinliException.invalidField("accountId", "FIELD_REQUIRED", "accountId");
        }
        return changes.adjust(code, month(month), dutyId, body.accountId(), body.reason(), ActorId.of(principal));
    }

    @GetMapping("/api/v1/centers/{code}/rosters/{month}/history")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The published roster's history: the publication, then every re-publish and swap, newest first")
    Map<String, List<RosterChanges.History>> history(@PathVariable String code, @PathVariable String month) {
        return Map.of("changes", changes.history(code, month(month)));
    }

    @GetMapping("/api/v1/centers/{code}/rosters/{month}/report")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Coverage (every shift the calendar asks for, covered by people who may work it?) and each "
            + "person's duties, hours, weekend duties, evenings and compensatory balance")
    RosterReport.Report report(@PathVariable String code, @PathVariable String month) {
        return reports.report(code, month(month));
    }

    @GetMapping("/api/v1/centers/{code}/rosters/{month}.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The month's roster and each person's figures as a register spreadsheet")
    ResponseEntity<byte[]> rosterXlsx(@PathVariable String code, @PathVariable String month) {
        return rosterRegister(reports, centers, code, month);
    }

    /** The roster register download, for the API and the page alike. */
    static ResponseEntity<byte[]> rosterRegister(RosterReport reports, org.linli.centers.Centers centers, String code,
            String month) {
        YearMonth m = month(month);
        return org.linli.platform.Registers.download(reports.rosterRegister(centers.require(code).nameZh(), code, m),
                "roster-" + code + "-" + m + ".xlsx");
    }

    /** The compensatory-time ledger register download, for the API and the page alike. */
    static ResponseEntity<byte[]> ledgerRegister(RosterReport reports, org.linli.centers.Centers centers,
            String code) {
        return org.linli.platform.Registers.download(reports.ledgerRegister(centers.require(code).nameZh(), code),
                "compensatory-ledger-" + code + ".xlsx");
    }

    @GetMapping("/api/v1/centers/{code}/compensatory/ledger.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The center's compensatory-time ledger (every entry with its reason) and balances as a register")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable String code) {
        return ledgerRegister(reports, centers, code);
    }

    @GetMapping("/api/v1/centers/{code}/roster-settings")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The center's roster settings, the skill each kind of shift needs, and each person's skills")
    Map<String, Object> settings(@PathVariable String code) {
        return Map.of("settings", rules.settings(code), "skillRules", rules.skillRules(code), "skills",
                rules.skills(code));
    }

    record SettingsInput(Boolean swapAutoApprove, Integer maxWeekendsRunning) {
    }

    @PutMapping("/api/v1/centers/{code}/roster-settings")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Approve swaps automatically or not; how many weekend duties in a row are allowed (1–5)")
    RosterRules.Settings saveSettings(@PathVariable String code, @RequestBody SettingsInput body) {
        return rules.save(code, body == null ? null : body.swapAutoApprove(),
                body == null ? null : body.maxWeekendsRunning());
    }

    record SkillInput(String skill) {
    }

    @PutMapping("/api/v1/centers/{code}/skill-rules/{kind}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The skill one person on every shift of this kind must have (blank: none)")
    ResponseEntity<Void> skillRule(@PathVariable String code, @PathVariable String kind,
            @RequestBody(required = false) SkillInput body) {
        rules.skillRule(code, kind, body == null ? null : body.skill());
        return ResponseEntity.noContent().build();
    }

    record SkillsInput(List<String> skills) {
    }

    @PutMapping("/api/v1/centers/{code}/staff/{accountId}/skills")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "A staff member's skills at this center (staff of another center → 404)")
    ResponseEntity<Void> skills(@PathVariable String code, @PathVariable long accountId,
            @RequestBody(required = false) SkillsInput body) {
        rules.skills(code, accountId, body == null ? null : body.skills());
        return ResponseEntity.noContent().build();
    }

    record SwapInput(Long dutyId, Long colleagueId, Long colleagueDutyId) {
    }

    @PostMapping("/api/v1/centers/{code}/duty-swaps")
    @Access(roles = Role.STAFF)
    @Operation(summary = "Ask a colleague to take one of my published duties, or to exchange it for one of theirs "
            + "(`colleagueDutyId`, same month); refused naming the hard rule it would break (409 RULE_*)")
    ResponseEntity<DutySwaps.Swap> requestSwap(@PathVariable String code, @RequestBody SwapInput body,
            Principal principal) {
        if (body == null || body.dutyId() == null) {
            throw LinliException.invalidField("dutyId", "FIELD_REQUIRED", "dutyId");
        }
        if (body.colleagueId() == null) {
            throw LinliException.invalidField("colleagueId", "FIELD_REQUIRED", "colleagueId");
        }
        return ResponseEntity.status(201).body(swaps.request(code, ActorId.of(principal), body.dutyId(),
                body.colleagueId(), body.colleagueDutyId()));
    }

    @GetMapping("/api/v1/centers/{code}/duty-swaps")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Swaps I asked for or was asked (`mine`) and, for admins, swaps waiting for approval")
    Map<String, Object> swaps(@PathVariable String code, Principal principal) {
        boolean admin = callers.holdsAt(code, org.linli.identity.Callers.ADMINS);
        return Map.of("mine", swaps.mine(code, ActorId.of(principal)), "awaitingApproval",
                admin ? swaps.awaitingApproval(code) : List.of());
    }

    @PostMapping("/api/v1/centers/{code}/duty-swaps/{swapId}/accept")
    @Access(roles = Role.STAFF)
    @Operation(summary = "The colleague accepts (with automatic approval the swap takes effect now)")
    DutySwaps.Swap accept(@PathVariable String code, @PathVariable long swapId, Principal principal) {
        return swaps.accept(code, swapId, ActorId.of(principal));
    }

    @PostMapping("/api/v1/centers/{code}/duty-swaps/{swapId}/decline")
    @Access(roles = Role.STAFF)
    @Operation(summary = "The colleague declines")
    DutySwaps.Swap decline(@PathVariable String code, @PathVariable long swapId, Principal principal) {
        return swaps.decline(code, swapId, ActorId.of(principal));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/centers/{code}/duty-swaps/{swapId}")
    @Access(roles = Role.STAFF)
    @Operation(summary = "The requester withdraws a swap not yet in effect")
    DutySwaps.Swap withdraw(@PathVariable String code, @PathVariable long swapId, Principal principal) {
        return swaps.withdraw(code, swapId, ActorId.of(principal));
    }

    @PostMapping("/api/v1/centers/{code}/duty-swaps/{swapId}/decision")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The admin approves an accepted swap (it takes effect, checked again) or rejects it")
    DutySwaps.Swap decideSwap(@PathVariable String code, @PathVariable long swapId, @RequestBody Decision body,
            Principal principal) {
        if (body == null || body.approve() == null) {
            throw LinliException.invalidField("approve", "DECISION_REQUIRED");
        }
        return swaps.decide(code, swapId, body.approve(), ActorId.of(principal));
    }

    @GetMapping("/api/v1/centers/{code}/rosters/{month}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The month's roster: duties, each person's count, the score")
    Rosters.View get(@PathVariable String code, @PathVariable String month) {
        return rosters.view(code, month(month)).map(rosters::withBroken)
                .orElseThrow(() -> LinliException.notFound("ROSTER_NOT_FOUND", month));
    }

    record Unavailable(String reason, Boolean preferenceOnly) {
    }

    @PutMapping("/api/v1/centers/{code}/unavailability/{date}")
    @Access(roles = Role.STAFF)
    @Operation(summary = "I am unavailable that day (state it before the roster is generated); with "
            + "`preferenceOnly` I would rather not work it, and the solver respects that where it can")
    ResponseEntity<Void> unavailable(@PathVariable String code, @PathVariable String date,
            @RequestBody(required = false) Unavailable body, Principal principal) {
        rosters.unavailable(code, ActorId.of(principal), RequestTimes.date("date", date),
                body == null ? null : body.reason(), body != null && Boolean.TRUE.equals(body.preferenceOnly()));
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/centers/{code}/unavailability/{date}")
    @Access(roles = Role.STAFF)
    @Operation(summary = "I can work that day after all")
    ResponseEntity<Void> available(@PathVariable String code, @PathVariable String date, Principal principal) {
        rosters.available(code, ActorId.of(principal), RequestTimes.date("date", date));
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
