package org.linli.roster.internal;

import static org.linli.platform.PageRefusals.attempt;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.CalendarFile;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin generates and publishes the month's roster; staff see their duties and state unavailable days. */
@Controller
class RosterPageController {

    private final Rosters rosters;
    private final Centers centers;
    private final org.linli.identity.Callers callers;
    private final CompensatoryTime compensatory;
    private final RosterChanges changes;
    private final DutySwaps swaps;
    private final RosterRules rules;
    private final RosterReport reports;
    private final org.linli.identity.AccountDirectory accounts;

    RosterPageController(Rosters rosters, Centers centers, org.linli.identity.Callers callers,
            CompensatoryTime compensatory, RosterChanges changes, DutySwaps swaps, RosterRules rules,
            RosterReport reports, org.linli.identity.AccountDirectory accounts) {
        this.changes = changes;
        this.swaps = swaps;
        this.rules = rules;
        this.reports = reports;
        this.accounts = accounts;
        this.compensatory = compensatory;
        this.rosters = rosters;
        this.centers = centers;
        this.callers = callers;
    }

    private static YearMonth chosen(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(RequestTimes.ZONE).plusMonths(1)
                    : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return YearMonth.now(RequestTimes.ZONE).plusMonths(1);
        }
    }

    @GetMapping("/staff/centers/{code}/roster")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String roster(@PathVariable String code, @RequestParam(required = false) String month, Model model) {
        YearMonth m = chosen(month);
        model.addAttribute("center", centers.require(code));
        model.addAttribute("month", m.toString());
        model.addAttribute("canManage", callers.holdsAt(code, org.linli.identity.Callers.ADMINS));
        if (!model.containsAttribute("roster")) {
            model.addAttribute("roster", rosters.view(code, m).map(rosters::withBroken).orElse(null));
        }
        boolean manage = Boolean.TRUE.equals(model.getAttribute("canManage"));
        model.addAttribute("leave", manage ? compensatory.pendingAt(code) : java.util.List.of());
        if (manage) {
            model.addAttribute("report", reports.report(code, m));
            model.addAttribute("history", changes.history(code, m));
            model.addAttribute("awaiting", swaps.awaitingApproval(code));
            model.addAttribute("settings", rules.settings(code));
            model.addAttribute("skillRules", rules.skillRules(code));
            model.addAttribute("skills", rules.skills(code));
            model.addAttribute("kinds", java.util.List.of("LUNCHTIME", "EVENING", "WEEKEND", "HOLIDAY_DUTY"));
            model.addAttribute("staff", accounts.staffAt(code));
        }
        return "roster/roster";
    }

    @PostMapping("/staff/centers/{code}/roster/duties/{dutyId}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String adjust(@PathVariable String code, @PathVariable long dutyId, @RequestParam String month,
            @RequestParam(defaultValue = "0") long accountId, @RequestParam(required = false) String reason,
            Principal principal, Model model, HttpServletResponse response) {
        YearMonth m = chosen(month);
        attempt(() -> model.addAttribute("roster",
                changes.adjust(code, m, dutyId, accountId, reason, ActorId.of(principal))), model, response);
        return roster(code, m.toString(), model);
    }

    @PostMapping("/staff/centers/{code}/roster-settings")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String saveSettings(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean swapAutoApprove,
            @RequestParam(defaultValue = "1") String maxWeekendsRunning, Model model, HttpServletResponse response) {
        attempt(() -> {
            Integer max;
            try {
                max = Integer.valueOf(maxWeekendsRunning.trim());
            } catch (NumberFormatException e) {
                max = 0;
            }
            rules.save(code, swapAutoApprove, max);
        }, model, response);
        return roster(code, month, model);
    }

    @PostMapping("/staff/centers/{code}/skill-rules")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String skillRule(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) String skill, Model model,
            HttpServletResponse response) {
        attempt(() -> rules.skillRule(code, kind, skill), model, response);
        return roster(code, month, model);
    }

    @PostMapping("/staff/centers/{code}/staff/{accountId}/skills")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String skills(@PathVariable String code, @PathVariable long accountId,
            @RequestParam(required = false) String month, @RequestParam(defaultValue = "") String skills,
            Model model, HttpServletResponse response) {
        attempt(() -> rules.skills(code, accountId, java.util.Arrays.stream(skills.split("[,，、;；]"))
                .map(String::strip).filter(x -> !x.isEmpty()).toList()), model, response);
        return roster(code, month, model);
    }

    @PostMapping("/staff/centers/{code}/duty-swaps/{swapId}/decision")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String decideSwap(@PathVariable String code, @PathVariable long swapId, @RequestParam boolean approve,
            @RequestParam(required = false) String month, Principal principal, Model model,
            HttpServletResponse response) {
        attempt(() -> swaps.decide(code, swapId, approve, ActorId.of(principal)), model, response);
        return roster(code, month, model);
    }

    @GetMapping("/staff/centers/{code}/roster/{month}.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> rosterXlsx(@PathVariable String code, @PathVariable String month) {
        return RosterApiController.rosterRegister(reports, centers, code, month);
    }

    @GetMapping("/staff/centers/{code}/compensatory-ledger.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable String code) {
        return RosterApiController.ledgerRegister(reports, centers, code);
    }

    @PostMapping("/staff/centers/{code}/duty-swaps")
    @Access(roles = Role.STAFF)
    String requestSwap(@PathVariable String code, @RequestParam(defaultValue = "0") long dutyId,
            @RequestParam(defaultValue = "0") long colleagueId, Principal principal, Model model,
            HttpServletResponse response) {
        return attempt(() -> swaps.request(code, ActorId.of(principal), dutyId, colleagueId, null), model, response)
                ? "redirect:/me/duties?saved" : duties(model, principal);
    }

    @PostMapping("/staff/centers/{code}/duty-swaps/{swapId}/{step}")
    @Access(roles = Role.STAFF)
    String swapStep(@PathVariable String code, @PathVariable long swapId, @PathVariable String step,
            Principal principal, Model model, HttpServletResponse response) {
        long me = ActorId.of(principal);
        Runnable change = switch (step) {
            case "accept" -> () -> swaps.accept(code, swapId, me);
            case "decline" -> () -> swaps.decline(code, swapId, me);
            case "withdraw" -> () -> swaps.withdraw(code, swapId, me);
            default -> throw LinliException.notFound("NOT_FOUND");
        };
        return attempt(change, model, response) ? "redirect:/me/duties?saved" : duties(model, principal);
    }

    @PostMapping("/staff/centers/{code}/unavailability/{date}/delete")
    @Access(roles = Role.STAFF)
    String available(@PathVariable String code, @PathVariable String date, Principal principal, Model model,
            HttpServletResponse response) {
        return attempt(() -> rosters.available(code, ActorId.of(principal), RequestTimes.date("date", date)), model,
                response) ? "redirect:/me/duties?saved" : duties(model, principal);
    }

    @PostMapping("/staff/centers/{code}/roster/{action}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String act(@PathVariable String code, @PathVariable String action, @RequestParam String month, Model model,
            HttpServletResponse response, Principal principal) {
        YearMonth m = chosen(month);
        try {
            Rosters.View view = switch (action) {
                case "generate" -> rosters.generate(code, m);
                case "publish" -> rosters.publish(code, m, ActorId.of(principal));
                default -> throw LinliException.notFound("NOT_FOUND");
            };
            model.addAttribute("roster", view);
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && "NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
        }
        return roster(code, m.toString(), model);
    }

    @PostMapping("/staff/centers/{code}/unavailability")
    @Access(roles = Role.STAFF)
    String unavailable(@PathVariable String code, @RequestParam(defaultValue = "") String date,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "UNAVAILABLE") String strength,
            Principal principal, Model model, HttpServletResponse response) {
        try {
            rosters.unavailable(code, ActorId.of(principal), RequestTimes.date("date", date), reason,
                    "PREFER_NOT".equals(strength));
            return "redirect:/me/duties?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return duties(model, principal);
        }
    }

    @GetMapping("/me/duties")
    @Access(roles = Role.STAFF)
    String duties(Model model, Principal principal) {
        model.addAttribute("duties", rosters.mine(ActorId.of(principal)));
        model.addAttribute("staffCenters", callers.current().map(c -> c.grants().stream()
                .filter(g -> g.role() == Role.STAFF).map(g -> centers.require(g.centerCode())).distinct().toList())
                .orElse(java.util.List.of()));
        model.addAttribute("tomorrow", java.time.LocalDate.now(RequestTimes.ZONE).plusDays(1).toString());
        long me = ActorId.of(principal);
        model.addAttribute("ledgers", callers.current().map(c -> c.grants().stream()
                .filter(g -> g.role() == Role.STAFF).map(g -> g.centerCode()).distinct()
                .map(code -> java.util.Map.of("center", centers.require(code), "balance", compensatory.balance(code, me)
                        .stripTrailingZeros().toPlainString(), "entries", compensatory.entries(code, me),
                        "swaps", swaps.mine(code, me), "daysOff", rosters.daysOff(code, me),
                        "colleagues", accounts.staffAt(code).stream().filter(s -> s.accountId() != me).toList()))
                        .toList())
                .orElse(java.util.List.of()));
        model.addAttribute("me", me);
        return "roster/duties";
    }

    /** My published duties as a calendar file for the phone's calendar. */
    @GetMapping("/me/duties.ics")
    @Access(roles = Role.STAFF)
    ResponseEntity<String> ics(Principal principal) {
        String body = CalendarFile.calendar(rosters.mine(ActorId.of(principal)).stream()
                .map(d -> new CalendarFile.Event("duty-" + d.date() + "-" + d.kind() + "-" + d.accountId(),
                        d.startsAt(), d.endsAt(), "值班（" + d.kind() + "）", d.name(), "邻里值班表")).toList());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linli-duties.ics\"")
                .body(body);
    }

    @PostMapping("/staff/centers/{code}/leave-requests")
    @Access(roles = Role.STAFF)
    String requestLeave(@PathVariable String code, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "1") String days, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            java.math.BigDecimal amount;
            try {
                amount = new java.math.BigDecimal(days.trim());
            } catch (NumberFormatException e) {
                amount = null;
            }
            compensatory.request(code, ActorId.of(principal), RequestTimes.date("date", date), amount);
            return "redirect:/me/duties?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return duties(model, principal);
        }
    }

    @PostMapping("/staff/centers/{code}/leave-requests/{id}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String decideLeave(@PathVariable String code, @PathVariable long id, @RequestParam boolean approve,
            @RequestParam(required = false) String month, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            compensatory.decide(code, id, approve, ActorId.of(principal));
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
        }
        return roster(code, month, model);
    }
}
