package org.linli.homevisits.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Paging;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Home visits", description = "上门服务: the register (with consent), requests, assignment, visit records")
class HomeVisitApiController {

    private static final int PAGE = 20;

    private final HomeCareRegister register;
    private final HomeVisits visits;
    private final Callers callers;
    private final Centers centers;

    HomeVisitApiController(HomeCareRegister register, HomeVisits visits, Callers callers, Centers centers) {
        this.register = register;
        this.visits = visits;
        this.callers = callers;
        this.centers = centers;
    }

    /** Whether the caller is an admin over the center (the register's full records need it). */
    boolean isAdmin(String code) {
        return callers.holdsAt(code, Callers.ADMINS);
    }

    HomeCareRegister.Entry entry(String code, long entryId) {
        return register.find(code, entryId).orElseThrow(() -> LinliException.notFound("HOME_CARE_NOT_FOUND", entryId));
    }

    @PostMapping("/api/v1/centers/{code}/home-care")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add (or update) a resident in the home-service register, with the consent obtained "
            + "(consent: true and its purpose); the address needs a building and a room")
    ResponseEntity<HomeCareRegister.Entry> record(@PathVariable String code, @RequestBody HomeCareRegister.Input body,
            Principal principal) {
        if (body == null) {
            throw LinliException.invalidField("residentPhone", "PHONE_INVALID");
        }
        return ResponseEntity.status(201).body(register.record(code, ActorId.of(principal), body));
    }

    @GetMapping("/api/v1/centers/{code}/home-care")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The register with masked names and reasons only, 20 a page")
    Map<String, Object> list(@PathVariable String code, @RequestParam(required = false) String page) {
        int total = register.count(code);
        int p = Paging.page(page, Paging.pages(total, PAGE));
        return Map.of("entries", register.list(code, PAGE, (p - 1) * PAGE), "total", total, "page", p);
    }

    @GetMapping("/api/v1/centers/{code}/home-care/{entryId}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "One full register record (the admin's register; each look is written to the audit log)")
    Map<String, Object> full(@PathVariable String code, @PathVariable long entryId, Principal principal) {
        HomeCareRegister.Entry entry = entry(code, entryId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entry", entry);
        body.put("details", register.open(entry, ActorId.of(principal), "register").orElse(null));
        body.put("visits", visits.ofProfile(entryId));
        return body;
    }

    record VisitInput(Long entryId, String purpose, String itemCode, String preferredTimes, String note) {
    }

    @PostMapping("/api/v1/centers/{code}/home-visits")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Staff ask for a visit for someone in the register (purpose APPLICATION with itemCode, "
            + "PENSION_CHECK, CHECK_IN or SIGN_FORM)")
    ResponseEntity<HomeVisits.Visit> requestByStaff(@PathVariable String code, @RequestBody VisitInput body,
            Principal principal) {
        if (body == null || body.entryId() == null) {
            throw LinliException.invalidField("entryId", "HOME_CARE_NO_CONSENT");
        }
        HomeCareRegister.Entry entry = register.find(code, body.entryId())
                .orElseThrow(() -> LinliException.conflict("HOME_CARE_NO_CONSENT"));
        return ResponseEntity.status(201).body(visits.request(entry, ActorId.of(principal), "STAFF",
                new HomeVisits.Request(body.purpose(), body.itemCode(), body.preferredTimes(), body.note(), null)));
    }

    @GetMapping("/api/v1/centers/{code}/home-visits")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Open visits (requested or assigned), oldest due first; `overdue=true` only those past due")
    Map<String, Object> open(@PathVariable String code, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String page) {
        int total = visits.openCount(code, overdue);
        int p = Paging.page(page, Paging.pages(total, PAGE));
        return Map.of("visits", visits.open(code, overdue, PAGE, (p - 1) * PAGE), "total", total, "page", p);
    }

    record Assignment(String date, List<Long> visitorIds) {
    }

    @PostMapping("/api/v1/centers/{code}/home-visits/{visitId}/assignment")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Assign a visit to one or two of the center's staff or volunteers for a day (the admin, or "
            + "any staff if the center allows it)")
    HomeVisits.Visit assign(@PathVariable String code, @PathVariable long visitId, @RequestBody Assignment body,
            Principal principal) {
        if (!isAdmin(code) && !visits.staffMayAssign(code)) {
            throw LinliException.forbidden("HOME_VISIT_ASSIGN_ADMIN_ONLY");
        }
        return visits.assign(code, visitId, body == null ? null : RequestTimes.date("date", body.date()),
                body == null ? null : body.visitorIds(), ActorId.of(principal));
    }

    @PostMapping("/api/v1/centers/{code}/home-visits/{visitId}/cancel")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Cancel an open visit")
    HomeVisits.Visit cancel(@PathVariable String code, @PathVariable long visitId) {
        return visits.cancel(code, visitId);
    }

    record Setting(Boolean staffMayAssign) {
    }

    @PutMapping("/api/v1/centers/{code}/home-visit-settings")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Whether any staff member (not only the admin) may assign visits")
    Map<String, Boolean> settings(@PathVariable String code, @RequestBody Setting body) {
        visits.staffMayAssign(code, body != null && Boolean.TRUE.equals(body.staffMayAssign()));
        return Map.of("staffMayAssign", visits.staffMayAssign(code));
    }

    @GetMapping("/api/v1/centers/{code}/home-visits/summary")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The month's visits done, by reason, purpose and visitor")
    HomeVisits.Summary summary(@PathVariable String code, @RequestParam(required = false) String month) {
        return visits.summary(code, month(month));
    }

    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(RequestTimes.ZONE);
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField("month", "MONTH_INVALID");
        }
    }

    record Assigned(HomeVisits.Visit visit, HomeCareRegister.Details details) {
    }

    /** My visits for a day; the address and notes only on the day of the visit (each opening audited). */
    List<Assigned> assigned(long me, LocalDate day) {
        boolean today = day.equals(LocalDate.now(RequestTimes.ZONE));
        List<Assigned> out = new ArrayList<>();
        for (HomeVisits.Visit v : visits.assignedTo(me, day)) {
            if (!visits.isVisitor(v.centerCode(), me)) {
                continue; // no longer staff or volunteer there: the visit is not theirs to see
            }
            HomeCareRegister.Details details = today ? register.find(v.centerCode(), v.profileId())
                    .flatMap(e -> register.open(e, me, "visit " + v.id())).orElse(null) : null;
            out.add(new Assigned(v, details));
        }
        return out;
    }

    @GetMapping("/api/v1/me/home-visits/assigned")
    @Access(roles = {Role.STAFF, Role.VOLUNTEER})
    @Operation(summary = "Visits assigned to me for a day (default today); the address and access notes are shown "
            + "only on the day of the visit")
    Map<String, Object> myAssigned(@RequestParam(required = false) String date, Principal principal) {
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(RequestTimes.ZONE)
                : RequestTimes.date("date", date);
        return Map.of("date", day.toString(), "visits", assigned(ActorId.of(principal), day));
    }

    record RecordInput(String summary, String itemCode, Map<String, Object> fields, String signature,
            Integer nextInDays) {
    }

    @PostMapping("/api/v1/me/home-visits/{visitId}/record")
    @Access(roles = {Role.STAFF, Role.VOLUNTEER})
    @Operation(summary = "Record an assigned visit: what was done; an application handled at home (itemCode, fields) "
            + "is registered for the resident and needs their signature (a PNG data URL); nextInDays schedules a "
            + "follow-up. Not assigned to me → 403")
    HomeVisits.Visit recordVisit(@PathVariable long visitId, @RequestBody RecordInput body, Principal principal) {
        String code = visits.centerOf(visitId);
        return visits.record(code, visitId, ActorId.of(principal), body == null
                ? new HomeVisits.Done(null, null, null, null, null)
                : new HomeVisits.Done(body.summary(), body.itemCode(), body.fields(), body.signature(),
                        body.nextInDays()));
    }

    // residents

    @GetMapping("/api/v1/me/home-care")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "What Linli holds about me for home service (my register entries in full, my visits); "
            + "`download=true` as a file")
    ResponseEntity<Map<String, Object>> mine(@RequestParam(defaultValue = "false") boolean download,
            Principal principal) {
        long me = ActorId.of(principal);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (HomeCareRegister.Entry e : register.about(me)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entry", e);
            m.put("self", e.residentId() == me);
            m.put("details", e.residentId() == me ? register.open(e, me, "own data").orElse(null) : null);
            m.put("visits", visits.ofProfile(e.id()));
            entries.add(m);
        }
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (download) {
            response = response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linli-home-care.json\"");
        }
        return response.body(Map.of("entries", entries));
    }

    @DeleteMapping("/api/v1/me/home-care")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Delete my home-service data: the sealed details, visit notes and signatures go; an "
            + "anonymised count stays for statistics; open visits are cancelled")
    Map<String, Integer> erase(Principal principal) {
        return Map.of("erased", register.erase(ActorId.of(principal)));
    }

    @PostMapping("/api/v1/me/home-visits")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Ask for a visit for myself or for the relative whose entry names me as family; with no "
            + "consent on file → 409 HOME_CARE_NO_CONSENT (staff record it first)")
    ResponseEntity<HomeVisits.Visit> requestByResident(@RequestBody VisitInput body, Principal principal) {
        long me = ActorId.of(principal);
        List<HomeCareRegister.Entry> mine = register.about(me);
        HomeCareRegister.Entry entry = (body != null && body.entryId() != null
                ? mine.stream().filter(e -> e.id() == body.entryId())
                : mine.stream().filter(e -> e.residentId() == me)).findFirst()
                .orElseThrow(() -> LinliException.conflict("HOME_CARE_NO_CONSENT"));
        return ResponseEntity.status(201).body(visits.request(entry, me, entry.residentId() == me ? "RESIDENT" : "FAMILY",
                new HomeVisits.Request(body == null ? null : body.purpose(), body == null ? null : body.itemCode(),
                        body == null ? null : body.preferredTimes(), body == null ? null : body.note(), null)));
    }

    @PostMapping("/api/v1/me/home-visits/{visitId}/cancel")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel a visit I (or my family) asked for")
    HomeVisits.Visit cancelMine(@PathVariable long visitId, Principal principal) {
        long me = ActorId.of(principal);
        String code = visits.centerOf(visitId);
        HomeVisits.Visit v = visits.find(code, visitId);
        if (register.about(me).stream().noneMatch(e -> e.id() == v.profileId())) {
            throw LinliException.notFound("HOME_VISIT_NOT_FOUND", visitId);
        }
        return visits.cancel(code, visitId);
    }
}
