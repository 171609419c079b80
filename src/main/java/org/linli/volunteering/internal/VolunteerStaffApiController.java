package org.linli.volunteering.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.Public;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The center's side: recruitments, the people at the door, confirming records, partners and teams. */
@RestController
@Tag(name = "Volunteering (staff)", description = "Recruitments, check-in, confirming hours, partners, teams")
class VolunteerStaffApiController {

    private final Recruitments recruitments;
    private final Signups signups;
    private final ServiceRecords records;
    private final Partners partners;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    VolunteerStaffApiController(Recruitments recruitments, Signups signups, ServiceRecords records, Partners partners,
            Centers centers, AccountDirectory accounts, AuditLog audit, JdbcClient jdbc) {
        this.recruitments = recruitments;
        this.signups = signups;
        this.records = records;
        this.partners = partners;
        this.centers = centers;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    static Map<String, Object> view(Recruitment r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("centerCode", r.centerCode());
        body.put("title", r.title());
        body.put("description", r.description());
        body.put("place", r.place());
        body.put("startsAt", r.startsAt());
        body.put("endsAt", r.endsAt());
        body.put("needed", r.needed());
        body.put("confirmed", r.confirmed());
        body.put("waitlisted", r.waitlisted());
        body.put("skills", r.skills());
        body.put("minAge", r.minAge());
        body.put("dangerous", r.dangerous());
        body.put("activityId", r.activityId());
        body.put("status", r.status());
        return body;
    }

    @PostMapping("/api/v1/centers/{code}/recruitments")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Post a recruitment; matching volunteers are told in the app, by SMS and in the team's "
            + "WeCom group at once")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String code, @RequestBody Recruitments.NewRecruitment body,
            Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(recruitments.publish(code, body,
                ActorId.of(principal))));
    }

    @GetMapping("/api/v1/recruitments/{id}")
    @Public
    @Operation(summary = "A recruitment with its places: needed, confirmed, waitlisted")
    Map<String, Object> get(@PathVariable long id) {
        return view(recruitments.find(id).orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", id)));
    }

    @GetMapping("/api/v1/recruitments")
    @Public
    @Operation(summary = "Open recruitments across the district or under a center or street, a page at a time")
    Map<String, Object> list(@RequestParam(required = false) String center, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<String> scope = center == null || center.isBlank()
                ? centers.all().stream().map(c -> c.code().value()).toList()
                : centers.subtree(centers.require(center).code().value());
        int safeSize = Math.min(Math.max(size, 1), 100);
        int safePage = Math.min(Math.max(page, 1), 10_000);
        return Map.of("recruitments", recruitments.upcoming(scope, safeSize, (safePage - 1) * safeSize).stream()
                .map(VolunteerStaffApiController::view).toList(), "total", recruitments.countUpcoming(scope),
                "page", safePage);
    }

    private Recruitment own(String code, long id) {
        return recruitments.find(id).filter(r -> r.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("RECRUITMENT_NOT_FOUND", id));
    }

    @GetMapping("/api/v1/centers/{code}/recruitments/{id}/signups")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Who signed up: volunteer number, masked phone, status, check-in and out")
    Map<String, Object> signups(@PathVariable String code, @PathVariable long id) {
        own(code, id);
        List<Signups.Row> rows = signups.rows(id);
        var contacts = accounts.contacts(rows.stream().map(Signups.Row::accountId)
                .filter(java.util.Objects::nonNull).toList());
        return Map.of("signups", rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volunteerId", r.volunteerId());
            m.put("number", r.number());
            var c = r.accountId() == null ? null : contacts.get(r.accountId());
            m.put("phone", c == null || c.phone() == null ? null : new PhoneNumber(c.phone()).masked());
            m.put("status", r.status());
            m.put("checkedInAt", r.checkedInAt());
            m.put("checkedOutAt", r.checkedOutAt());
            return m;
        }).toList());
    }

    @PostMapping("/api/v1/centers/{code}/recruitments/{id}/signups/{volunteerId}/check-in")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Staff check a volunteer in")
    ResponseEntity<Void> checkIn(@PathVariable String code, @PathVariable long id, @PathVariable long volunteerId) {
        own(code, id);
        signups.checkIn(id, volunteerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/centers/{code}/recruitments/{id}/signups/{volunteerId}/check-out")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Staff check a volunteer out; the service record is written for confirmation")
    ResponseEntity<Map<String, Object>> checkOut(@PathVariable String code, @PathVariable long id,
            @PathVariable long volunteerId) {
        own(code, id);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("serviceRecordId",
                signups.checkOut(id, volunteerId)));
    }

    @GetMapping("/api/v1/centers/{code}/service-records")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Records waiting for confirmation, the most urgent first, a page at a time")
    Map<String, Object> pending(@PathVariable String code, @RequestParam(defaultValue = "1") int page) {
        centers.require(code);
        int safePage = Math.min(Math.max(page, 1), 10_000);
        return Map.of("records", records.pending(code, 50, (safePage - 1) * 50), "total", records.countPending(code),
                "page", safePage);
    }

    record Confirmation(Integer netMinutes) {
    }

    @PostMapping("/api/v1/centers/{code}/service-records/{id}/confirm")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Confirm a record of this center (optionally with fewer net minutes); another center's → 404")
    ServiceRecords.ServiceRecord confirm(@PathVariable String code, @PathVariable long id,
            @RequestBody(required = false) Confirmation body, Principal principal) {
        return records.confirm(code, id, body == null ? null : body.netMinutes(), ActorId.of(principal));
    }

    @PostMapping("/api/v1/centers/{code}/service-records/{id}/reject")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Reject a record that does not match what happened")
    ResponseEntity<Void> reject(@PathVariable String code, @PathVariable long id, Principal principal) {
        records.reject(code, id, ActorId.of(principal));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/centers/{code}/corrections")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Correction requests waiting for review")
    Map<String, Object> corrections(@PathVariable String code) {
        centers.require(code);
        return Map.of("corrections", records.openCorrections(code));
    }

    record Decision(Boolean approve) {
    }

    @PostMapping("/api/v1/centers/{code}/corrections/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Approve (amends the record, keeping what it said before) or reject a correction")
    ResponseEntity<Void> decide(@PathVariable String code, @PathVariable long id, @RequestBody Decision body,
            Principal principal) {
        if (body == null || body.approve() == null) {
            throw LinliException.invalidField("approve", "DECISION_REQUIRED");
        }
        records.decide(code, id, body.approve(), ActorId.of(principal));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/centers/{code}/partners")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Register a partner organisation (unified social credit code checked, GB 32100) with its "
            + "agreement and coordinator")
    ResponseEntity<Partners.Partner> partner(@PathVariable String code, @RequestBody Partners.NewPartner body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(partners.register(code, body));
    }

    @GetMapping("/api/v1/centers/{code}/partners")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The center's partner organisations")
    Map<String, Object> partners(@PathVariable String code) {
        centers.require(code);
        return Map.of("partners", partners.ofCenter(code));
    }

    record TeamInput(String name, String webhookUrl) {
    }

    @PutMapping("/api/v1/centers/{code}/teams/{teamCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add or change a team and its WeCom group robot webhook")
    Partners.Team team(@PathVariable String code, @PathVariable String teamCode, @RequestBody TeamInput body) {
        return partners.saveTeam(code, teamCode, body.name(), body.webhookUrl());
    }

    record TeamMember(String volunteerNumber) {
    }

    @PostMapping("/api/v1/centers/{code}/teams/{teamCode}/members")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Put a volunteer (by volunteer number) into a team")
    ResponseEntity<Void> member(@PathVariable String code, @PathVariable String teamCode,
            @RequestBody TeamMember body) {
        partners.addToTeam(code, teamCode, body.volunteerNumber());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/centers/{code}/volunteers.csv")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Export the center's volunteers (number, status, skills, confirmed hours; no ID numbers); "
            + "every export is written to the audit log")
    ResponseEntity<byte[]> export(@PathVariable String code, Principal principal, HttpServletRequest request) {
        centers.require(code);
        StringBuilder csv = new StringBuilder("\uFEFF志愿者编号,状态,技能,已确认时长（小时）\n");
        jdbc.sql("""
                select v.number, v.status, v.skills::text,
                       coalesce(sum(r.net_minutes) filter (where r.status = 'CONFIRMED'), 0) as minutes
                  from volunteer v left join service_record r on r.volunteer_id = v.id
                 where v.center_code = ? group by v.id order by v.number""").param(code)
                .query((rs, n) -> csv.append(rs.getString(1)).append(',').append(rs.getString(2)).append(",\"")
                        .append(rs.getString(3).replace("\"", "\"\"")).append("\",")
                        .append("%.1f".formatted(rs.getInt(4) / 60.0)).append('\n'))
                .list();
        audit.record(new AuditEvent(ActorId.of(principal), null, "VOLUNTEERS_EXPORTED", code, code,
                ClientAddress.of(request), null));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"volunteers-" + code + "-"
                        + OffsetDateTime.now(RequestTimes.ZONE).toLocalDate() + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
