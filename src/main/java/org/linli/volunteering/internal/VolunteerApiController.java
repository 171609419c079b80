package org.linli.volunteering.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A volunteer's own side: registering, signing up, checking in and out, records, corrections, certificates. */
@RestController
@Tag(name = "Volunteering", description = "Volunteers, sign-ups, service records and certificates")
class VolunteerApiController {

    private final Volunteers volunteers;
    private final Signups signups;
    private final ServiceRecords records;
    private final Certificates certificates;
    private final Partners partners;

    VolunteerApiController(Volunteers volunteers, Signups signups, ServiceRecords records, Certificates certificates,
            Partners partners) {
        this.volunteers = volunteers;
        this.signups = signups;
        this.records = records;
        this.certificates = certificates;
        this.partners = partners;
    }

    Map<String, Object> view(Volunteer v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.id());
        body.put("number", v.number());
        body.put("status", v.status());
        body.put("centerCode", v.centerCode());
        body.put("skills", v.skills());
        body.put("languages", v.languages());
        body.put("availability", v.availability());
        body.put("serviceAreas", v.serviceAreas());
        body.put("emergencyContact", volunteers.emergencyMasked(v));
        body.put("minor", v.minor());
        return body;
    }

    private long me(Principal principal) {
        return ActorId.of(principal);
    }

    @PostMapping("/api/v1/me/volunteer")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Register as a volunteer (needs real-name details; 14–17 wait for a guardian's consent; "
            + "under 14 only a guardian registers them)")
    ResponseEntity<Map<String, Object>> register(@RequestBody Volunteers.Form form, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(volunteers.register(me(principal), form)));
    }

    @GetMapping("/api/v1/me/volunteer")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "My volunteer profile, with my total confirmed hours")
    Map<String, Object> profile(Principal principal) {
        Volunteer v = volunteers.ofAccount(me(principal))
                .orElseThrow(() -> LinliException.notFound("VOLUNTEER_NOT_FOUND", ""));
        Map<String, Object> body = view(v);
        List<ServiceRecords.ServiceRecord> mine = records.ofVolunteer(v.id());
        body.put("confirmedMinutes", mine.stream().filter(r -> "CONFIRMED".equals(r.status()))
                .mapToInt(ServiceRecords.ServiceRecord::netMinutes).sum());
        return body;
    }

    @PutMapping("/api/v1/me/volunteer")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Change my skills, languages, availability, service areas and emergency contact")
    Map<String, Object> update(@RequestBody Volunteers.Form form, Principal principal) {
        return view(volunteers.update(me(principal), form));
    }

    record ChildVolunteer(Long personId, Volunteers.Form profile) {
    }

    @PostMapping("/api/v1/me/household/volunteers")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "A guardian registers their minor child as a volunteer (the registration is the consent)")
    ResponseEntity<Map<String, Object>> registerChild(@RequestBody ChildVolunteer body, Principal principal) {
        if (body == null || body.personId() == null) {
            throw LinliException.invalidField("personId", "HOUSEHOLD_MEMBER_NOT_FOUND", "");
        }
        Volunteers.Form form = body.profile() == null ? new Volunteers.Form(null, null, null, null, null, null, null)
                : body.profile();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(volunteers.registerChild(me(principal),
                body.personId(), form)));
    }

    @PostMapping("/api/v1/me/volunteer-consents/{volunteerId}")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "A guardian consents to their teenager's volunteer registration")
    Map<String, Object> consent(@PathVariable long volunteerId, Principal principal) {
        return view(volunteers.consent(me(principal), volunteerId));
    }

    record SigningUp(Long volunteerId) {
    }

    @PostMapping("/api/v1/recruitments/{id}/signups")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Sign up (a volunteer; a guardian may name their child's volunteerId): CONFIRMED while "
            + "places remain, else WAITLISTED; again → 409")
    ResponseEntity<Map<String, Object>> signUp(@PathVariable long id,
            @RequestBody(required = false) SigningUp body, Principal principal) {
        Signups.Signup s = signups.signUp(id, me(principal), body == null ? null : body.volunteerId());
        return ResponseEntity.status(HttpStatus.CREATED).body(signup(s));
    }

    static Map<String, Object> signup(Signups.Signup s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.status().name());
        body.put("waitlistPosition", s.waitlistPosition());
        body.put("checkedInAt", s.checkedInAt());
        body.put("checkedOutAt", s.checkedOutAt());
        return body;
    }

    @GetMapping("/api/v1/recruitments/{id}/signups/me")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "My sign-up: status and waitlist position, or 404")
    Map<String, Object> mySignup(@PathVariable long id, Principal principal) {
        Volunteer v = signups.actingFor(me(principal), null);
        return signup(signups.live(id, v.id()).orElseThrow(() -> LinliException.notFound("SIGNUP_NOT_FOUND", id)));
    }

    @DeleteMapping("/api/v1/recruitments/{id}/signups/me")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel my sign-up; the head of the waitlist takes the place in the same transaction")
    ResponseEntity<Void> cancel(@PathVariable long id, @RequestParam(required = false) Long volunteerId,
            Principal principal) {
        signups.cancel(id, me(principal), volunteerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/recruitments/{id}/check-in")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Check in on arrival (from an hour before the start to the end)")
    ResponseEntity<Void> checkIn(@PathVariable long id, @RequestParam(required = false) Long volunteerId,
            Principal principal) {
        signups.checkIn(id, signups.actingFor(me(principal), volunteerId).id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/recruitments/{id}/check-out")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Check out when done: the service record is written, for staff to confirm")
    ResponseEntity<Map<String, Object>> checkOut(@PathVariable long id,
            @RequestParam(required = false) Long volunteerId, Principal principal) {
        long record = signups.checkOut(id, signups.actingFor(me(principal), volunteerId).id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("serviceRecordId", record));
    }

    @GetMapping("/api/v1/me/service-records")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "My service records (every status) and total confirmed minutes")
    Map<String, Object> myRecords(Principal principal) {
        Volunteer v = signups.actingFor(me(principal), null);
        List<ServiceRecords.ServiceRecord> mine = records.ofVolunteer(v.id());
        return Map.of("records", mine, "confirmedMinutes", mine.stream().filter(r -> "CONFIRMED".equals(r.status()))
                .mapToInt(ServiceRecords.ServiceRecord::netMinutes).sum());
    }

    @PostMapping("/api/v1/me/service-records")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Submit hours for a recruitment I served on when the check-in was missed (net minutes "
            + "no longer than end minus start)")
    ResponseEntity<Map<String, Object>> submit(@RequestBody ServiceRecords.Submission body, Principal principal) {
        long id = records.submit(signups.actingFor(me(principal), null), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "status", "PENDING"));
    }

    @PostMapping("/api/v1/me/service-records/{id}/corrections")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Ask for a correction of my record (reviewed by the organising center's staff)")
    ResponseEntity<Map<String, Object>> correction(@PathVariable long id,
            @RequestBody ServiceRecords.CorrectionRequest body, Principal principal) {
        long c = records.requestCorrection(signups.actingFor(me(principal), null), id, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", c, "status", "PENDING"));
    }

    record CertificateRequest(String centerCode, String from, String to) {
    }

    @PostMapping("/api/v1/me/certificates")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Issue my service certificate from one center for a period (its confirmed hours only)")
    ResponseEntity<Certificates.Certificate> certificate(@RequestBody CertificateRequest body, Principal principal) {
        Volunteer v = signups.actingFor(me(principal), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(certificates.issue(v, body.centerCode(), body.from(),
                body.to(), me(principal)));
    }

    @GetMapping("/api/v1/certificates/{verificationCode}")
    @Public
    @Operation(summary = "Verify a certificate by its code: the minimum (serial, issuer, period, hours, volunteer "
            + "number); an unknown code → 404 without hints")
    Map<String, Object> verify(@PathVariable String verificationCode) {
        Certificates.Certificate c = certificates.verify(verificationCode)
                .orElseThrow(() -> LinliException.notFound("CERTIFICATE_NOT_FOUND"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serial", c.serial());
        body.put("centerCode", c.centerCode());
        body.put("volunteerNumber", c.volunteerNumber());
        body.put("from", c.periodFrom());
        body.put("to", c.periodTo());
        body.put("hours", c.hours());
        body.put("issuedAt", c.issuedAt());
        return body;
    }

    @PostMapping("/api/v1/partners/join/{token}")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Join a partner organisation by its coordinator's invitation link")
    Map<String, Object> join(@PathVariable String token, Principal principal) {
        Partners.Partner p = partners.join(token, me(principal));
        return Map.of("code", p.code(), "name", p.name());
    }

    @GetMapping("/api/v1/partners/{partnerCode}/members")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "The coordinator sees the organisation's members and their confirmed hours")
    Map<String, Object> members(@PathVariable String partnerCode, Principal principal) {
        Partners.Partner p = partners.coordinated(partnerCode, me(principal));
        return Map.of("name", p.name(), "members", partners.members(p.id()));
    }
}
