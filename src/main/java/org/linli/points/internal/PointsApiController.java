package org.linli.points.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Points through the contract: my balance and entries, my counter code, offers, redemptions, settlement. */
@RestController
@Tag(name = "Points", description = "Volunteer points: balance, QR token, merchants' offers, redemptions")
class PointsApiController {

    private final Ledger ledger;
    private final PointsTokens tokens;
    private final Merchants merchants;
    private final Redemptions redemptions;
    private final PointsRules rules;
    private final Settlement settlement;
    private final Centers centers;
    private final Courses courses;

    PointsApiController(Ledger ledger, PointsTokens tokens, Merchants merchants, Redemptions redemptions,
            PointsRules rules, Settlement settlement, Centers centers, Courses courses) {
        this.courses = courses;
        this.ledger = ledger;
        this.tokens = tokens;
        this.merchants = merchants;
        this.redemptions = redemptions;
        this.rules = rules;
        this.settlement = settlement;
        this.centers = centers;
    }

    @GetMapping("/api/v1/me/points")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "My balance (whole points, one across the district) and my entries, newest first")
    Map<String, Object> mine(Principal principal, @RequestParam(defaultValue = "1") int page) {
        long me = ActorId.of(principal);
        Long account = ledger.volunteerAccount(me).orElse(null);
        int safePage = Math.min(Math.max(page, 1), 10_000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", account == null ? 0 : ledger.balance(account));
        body.put("entries", account == null ? List.of() : ledger.entries(account, 50, (safePage - 1) * 50));
        body.put("total", account == null ? 0 : ledger.countEntries(account));
        body.put("page", safePage);
        return body;
    }

    @PostMapping("/api/v1/me/points/token")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "A counter code for my QR: valid 2 minutes and for one redemption (a volunteer)")
    ResponseEntity<PointsTokens.Token> token(Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(ActorId.of(principal)));
    }

    @GetMapping("/api/v1/merchants")
    @Public
    @Operation(summary = "Merchants that accept points, with their center and address")
    Map<String, Object> merchants() {
        return Map.of("merchants", merchants.all().stream().map(m -> Map.of("code", m.code(), "name", m.name(),
                "centerCode", m.centerCode(), "kind", m.kind() == null ? "" : m.kind(),
                "address", m.address() == null ? "" : m.address())).toList());
    }

    @GetMapping("/api/v1/merchants/{merchantCode}/offers")
    @Public
    @Operation(summary = "A merchant's active offers: code, title, points, stock, monthly limit")
    Map<String, Object> offers(@PathVariable String merchantCode) {
        Merchants.Merchant m = merchants.require(merchantCode);
        return Map.of("merchant", Map.of("code", m.code(), "name", m.name()), "offers",
                merchants.offers(m.id(), true).stream().map(o -> {
                    Map<String, Object> offer = new LinkedHashMap<>();
                    offer.put("code", o.code());
                    offer.put("title", o.title());
                    offer.put("points", o.points());
                    offer.put("stock", o.stock());
                    offer.put("monthlyLimit", o.monthlyLimit());
                    return offer;
                }).toList());
    }

    record RedemptionRequest(String volunteerToken, String offerCode) {
    }

    @PostMapping("/api/v1/merchants/{merchantCode}/redemptions")
    @Access(roles = Role.MERCHANT)
    @Operation(summary = "Redeem (the merchant's operator) with header Idempotency-Key: the same key and body "
            + "again → the same answer, nothing spent twice; the same key with another body → 409")
    ResponseEntity<Map<String, Object>> redeem(@PathVariable String merchantCode,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody RedemptionRequest body, Principal principal) {
        Redemptions.Answer answer = redemptions.redeem(merchantCode, ActorId.of(principal), key,
                body == null ? null : body.volunteerToken(), body == null ? null : body.offerCode());
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    @PostMapping("/api/v1/merchants/{merchantCode}/redemptions/{id}/reverse")
    @Access(roles = Role.MERCHANT)
    @Operation(summary = "The merchant reverses a redemption on the same day (a new entry gives the points back)")
    ResponseEntity<Void> reverse(@PathVariable String merchantCode, @PathVariable long id, Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        redemptions.reverse(id, m.id(), false, ActorId.of(principal));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/centers/{code}/merchants/{merchantCode}/redemptions/{id}/reverse")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The center admin reverses a redemption of one of the center's merchants, any day")
    ResponseEntity<Void> adminReverse(@PathVariable String code, @PathVariable String merchantCode,
            @PathVariable long id, Principal principal) {
        Merchants.Merchant m = merchants.byCode(merchantCode).filter(x -> x.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("MERCHANT_NOT_FOUND", merchantCode));
        redemptions.reverse(id, m.id(), true, ActorId.of(principal));
        return ResponseEntity.noContent().build();
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField("month", "MONTH_INVALID");
        }
    }

    @GetMapping(value = "/api/v1/merchants/{merchantCode}/statements/{month:\\d{4}-\\d{2}}")
    @Access(roles = Role.MERCHANT)
    @Operation(summary = "The merchant's statement for a month (YYYY-MM): redemptions, reversals, totals")
    Settlement.Statement statement(@PathVariable String merchantCode, @PathVariable String month,
            Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        return settlement.statement(m, month(month));
    }

    @GetMapping("/api/v1/merchants/{merchantCode}/statements/{month:\\d{4}-\\d{2}}.xlsx")
    @Access(roles = Role.MERCHANT)
    @Operation(summary = "The merchant's statement for a month as a spreadsheet")
    ResponseEntity<byte[]> statementXlsx(@PathVariable String merchantCode, @PathVariable String month,
            Principal principal) {
        Merchants.Merchant m = merchants.operated(merchantCode, ActorId.of(principal));
        return org.linli.platform.Registers.download(settlement.spreadsheet(List.of(settlement.statement(m, month(month)))),
                "statement-" + m.code() + "-" + month + ".xlsx");
    }

    @GetMapping("/api/v1/centers/{code}/points/summary")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Points in circulation, issued and expired at this center, and every merchant's "
            + "statement for a month (default this month)")
    Map<String, Object> summary(@PathVariable String code, @RequestParam(required = false) String month) {
        centers.require(code);
        YearMonth m = month == null ? YearMonth.now(org.linli.platform.RequestTimes.ZONE) : month(month);
        Map<String, Object> body = new LinkedHashMap<>(settlement.circulation(code));
        body.put("rule", rules.of(code));
        body.put("statements", merchants.ofCenter(code).stream().map(x -> settlement.statement(x, m)).toList());
        return body;
    }

    record RuleInput(Integer pointsPerHour, Integer weekendBonusPercent, Integer eveningBonusPercent,
            Integer expiryMonths) {
    }

    @PutMapping("/api/v1/centers/{code}/points/rule")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The earning rule: points per confirmed hour, weekend and evening bonuses, expiry")
    PointsRules.Rule rule(@PathVariable String code, @RequestBody RuleInput body) {
        return rules.save(code, body.pointsPerHour(), body.weekendBonusPercent(), body.eveningBonusPercent(),
                body.expiryMonths());
    }

    @PostMapping("/api/v1/centers/{code}/merchants")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Register a merchant and its operator (by mobile number; granted MERCHANT)")
    ResponseEntity<Merchants.Merchant> merchant(@PathVariable String code, @RequestBody Merchants.NewMerchant body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(merchants.register(code, body));
    }

    @PutMapping("/api/v1/centers/{code}/merchants/{merchantCode}/offers/{offerCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add or change an offer: points (whole, 1–100000), stock, monthly limit per volunteer")
    Merchants.Offer offer(@PathVariable String code, @PathVariable String merchantCode, @PathVariable String offerCode,
            @RequestBody Merchants.OfferInput body) {
        Merchants.Merchant m = merchants.byCode(merchantCode).filter(x -> x.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("MERCHANT_NOT_FOUND", merchantCode));
        return merchants.saveOffer(m, offerCode, body);
    }

    record CoursePrice(Integer points, Integer refundHoursBefore) {
    }

    @PutMapping("/api/v1/centers/{code}/courses/{activityId}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Make one of the center's activities a course paid with points (whole points; refund "
            + "deadline in hours before the start, default 24)")
    Courses.Price coursePrice(@PathVariable String code, @PathVariable long activityId, @RequestBody CoursePrice body) {
        return courses.price(code, activityId, body.points(), body.refundHoursBefore());
    }

    @GetMapping("/api/v1/courses")
    @Public
    @Operation(summary = "Upcoming courses paid with points, with their price and places")
    Map<String, Object> courses() {
        return Map.of("courses", courses.upcoming().stream().map(c -> Map.of("activityId", c.activity().id(),
                "title", c.activity().title(), "centerCode", c.activity().centerCode(),
                "startsAt", c.activity().startsAt(), "points", c.price().points(),
                "placesLeft", Math.max(0, c.activity().capacity() - c.activity().confirmed()))).toList());
    }

    @PostMapping("/api/v1/courses/{activityId}/enrolments")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Register for a course and pay its points in one step (a full course or too few points "
            + "→ 409 and nothing happens)")
    ResponseEntity<Map<String, Object>> enrol(@PathVariable long activityId, Principal principal) {
        long balance = courses.enrol(activityId, ActorId.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "CONFIRMED", "balanceAfter", balance));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/courses/{activityId}/enrolments/me")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel a course; before the refund deadline the points come back")
    Map<String, Object> leave(@PathVariable long activityId, Principal principal) {
        return Map.of("refunded", courses.cancel(activityId, ActorId.of(principal)));
    }
}
