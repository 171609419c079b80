package org.linli.points.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.QrCodes;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The volunteer's points and counter QR, the merchant's counter, and the center's points desk. */
@Controller
class PointsPageController {

    private final Ledger ledger;
    private final PointsTokens tokens;
    private final Merchants merchants;
    private final Redemptions redemptions;
    private final PointsRules rules;
    private final Settlement settlement;
    private final Centers centers;
    private final Courses courses;
    private final org.linli.activities.ActivityRegistrar activities;

    PointsPageController(Ledger ledger, PointsTokens tokens, Merchants merchants, Redemptions redemptions,
            PointsRules rules, Settlement settlement, Centers centers, Courses courses,
            org.linli.activities.ActivityRegistrar activities) {
        this.courses = courses;
        this.activities = activities;
        this.ledger = ledger;
        this.tokens = tokens;
        this.merchants = merchants;
        this.redemptions = redemptions;
        this.rules = rules;
        this.settlement = settlement;
        this.centers = centers;
    }

    @GetMapping("/me/points")
    @Access(roles = Role.RESIDENT)
    String mine(@RequestParam(defaultValue = "1") String page, Model model, Principal principal) {
        long me = ActorId.of(principal);
        Long account = ledger.volunteerAccount(me).orElse(null);
        int size = 30;
        int pages = account == null ? 1 : org.linli.platform.Paging.pages(ledger.countEntries(account), size);
        int current = org.linli.platform.Paging.page(page, pages);
        model.addAttribute("balance", account == null ? 0 : ledger.balance(account));
        model.addAttribute("entries", account == null ? List.of() : ledger.entries(account, size, (current - 1) * size));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("merchants", merchants.all().stream().map(m -> Map.of("merchant", m, "offers",
                merchants.offers(m.id(), true))).toList());
        qr(model, me);
        return "points/mine";
    }

    private void qr(Model model, long me) {
        PointsTokens.Token token = tokens.issue(me);
        model.addAttribute("token", token);
        model.addAttribute("qr", QrCodes.svg(token.token(), token.token()));
    }

    /** A fresh counter code, fetched by the page every minute (and by the refresh button). */
    @GetMapping("/me/points/qr")
    @Access(roles = Role.RESIDENT)
    String refresh(Model model, Principal principal) {
        qr(model, ActorId.of(principal));
        return "points/mine :: counter";
    }

    @GetMapping("/merchant/{merchantCode}")
    @Access(roles = Role.MERCHANT)
    String counter(@PathVariable String merchantCode, Model model, Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        model.addAttribute("merchant", m);
        model.addAttribute("offers", merchants.offers(m.id(), true));
        model.addAttribute("key", UUID.randomUUID().toString());
        YearMonth month = YearMonth.now(RequestTimes.ZONE);
        model.addAttribute("month", month.toString());
        Settlement.Statement statement = settlement.statement(m, month);
        java.time.LocalDate today = java.time.LocalDate.now(RequestTimes.ZONE);
        model.addAttribute("today", statement.lines().stream().filter(l -> l.createdAt()
                .atZoneSameInstant(RequestTimes.ZONE).toLocalDate().equals(today)).toList().reversed());
        return "points/counter";
    }

    @PostMapping("/merchant/{merchantCode}/redeem")
    @Access(roles = Role.MERCHANT)
    String redeem(@PathVariable String merchantCode, @RequestParam Map<String, String> form, Model model,
            Principal principal, HttpServletResponse response) {
        try {
            Redemptions.Answer answer = redemptions.redeem(merchantCode, ActorId.of(principal), form.get("key"),
                    form.get("token"), form.get("offer"));
            model.addAttribute("done", answer.body());
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && "MERCHANT_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
        }
        return counter(merchantCode, model, principal);
    }

    @PostMapping("/merchant/{merchantCode}/redemptions/{id}/reverse")
    @Access(roles = Role.MERCHANT)
    String reverse(@PathVariable String merchantCode, @PathVariable long id, Model model, Principal principal,
            HttpServletResponse response) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        try {
            redemptions.reverse(id, m.id(), false, ActorId.of(principal));
            return "redirect:/merchant/" + merchantCode + "?reversed";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return counter(merchantCode, model, principal);
        }
    }

    @GetMapping("/merchant/{merchantCode}/statements")
    @Access(roles = Role.MERCHANT)
    String statement(@PathVariable String merchantCode, @RequestParam(required = false) String month, Model model,
            Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        YearMonth chosen = chosen(month);
        model.addAttribute("merchant", m);
        model.addAttribute("statement", settlement.statement(m, chosen));
        model.addAttribute("month", chosen.toString());
        return "points/statement";
    }

    private static YearMonth chosen(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(RequestTimes.ZONE) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.now(RequestTimes.ZONE);
        }
    }

    @GetMapping("/merchant/{merchantCode}/statements/{month}.xlsx")
    @Access(roles = Role.MERCHANT)
    ResponseEntity<byte[]> statementXlsx(@PathVariable String merchantCode, @PathVariable String month,
            Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        return org.linli.platform.Registers.download(settlement.spreadsheet(List.of(settlement.statement(m,
                PointsApiController.month(month)))), "statement-" + m.code() + "-" + month + ".xlsx");
    }

    @GetMapping("/staff/centers/{code}/points")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String desk(@PathVariable String code, @RequestParam(required = false) String month, Model model) {
        model.addAttribute("center", centers.require(code));
        YearMonth chosen = chosen(month);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("rule", rules.of(code));
        model.addAttribute("circulation", settlement.circulation(code));
        model.addAttribute("statements", merchants.ofCenter(code).stream().map(m -> settlement.statement(m, chosen))
                .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("activities", activities.upcomingAt(code));
        model.addAttribute("courses", courses.upcoming().stream().filter(c -> c.price().centerCode().equals(code))
                .toList());
        return "points/desk";
    }

    @PostMapping("/staff/centers/{code}/points/rule")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String rule(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            rules.save(code, number(form.get("pointsPerHour")), number(form.get("weekendBonusPercent")),
                    number(form.get("eveningBonusPercent")), number(form.get("expiryMonths")));
            return "redirect:/staff/centers/" + code + "/points?saved";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return desk(code, null, model);
        }
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GetMapping("/staff/centers/{code}/points/statements/{month}.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> allStatements(@PathVariable String code, @PathVariable String month) {
        centers.require(code);
        YearMonth m = PointsApiController.month(month);
        return org.linli.platform.Registers.download(settlement.spreadsheet(merchants.ofCenter(code).stream()
                .map(x -> settlement.statement(x, m)).toList()), "statements-" + code + "-" + month + ".xlsx");
    }

    @PostMapping("/staff/centers/{code}/courses")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String coursePrice(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            Integer id = number(form.get("activityId"));
            courses.price(code, id == null ? -1 : id, number(form.get("coursePoints")),
                    number(form.get("refundHoursBefore")));
            return "redirect:/staff/centers/" + code + "/points?saved";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && !"ACTIVITY_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return desk(code, null, model);
        }
    }

    @GetMapping("/courses")
    String courses(Model model, Principal principal) {
        Long me = ActorId.of(principal);
        model.addAttribute("signedIn", me != null);
        model.addAttribute("courses", courses.upcoming().stream().map(c -> Map.of("course", c,
                "enrolled", me != null && courses.enrolled(c.activity().id(), me))).toList());
        model.addAttribute("balance", me == null ? 0 : ledger.volunteerAccount(me).map(ledger::balance).orElse(0L));
        return "points/courses";
    }

    @PostMapping("/courses/{activityId}/{action}")
    @Access(roles = Role.RESIDENT)
    String enrol(@PathVariable long activityId, @PathVariable String action, Model model, Principal principal,
            HttpServletResponse response) {
        try {
            switch (action) {
                case "enrol" -> courses.enrol(activityId, ActorId.of(principal));
                case "cancel" -> courses.cancel(activityId, ActorId.of(principal));
                default -> throw LinliException.notFound("NOT_FOUND");
            }
            return "redirect:/courses?" + action;
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return courses(model, principal);
        }
    }
}
