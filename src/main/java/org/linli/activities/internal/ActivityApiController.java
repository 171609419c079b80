package org.linli.activities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.CalendarFile;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Activities", description = "Activities of the centers: publish, list, register, waitlist, cancel")
class ActivityApiController {

    private final ActivityPublishing publishing;
    private final ActivityRepository repository;
    private final Registrations registrations;
    private final Centers centers;

    ActivityApiController(ActivityPublishing publishing, ActivityRepository repository, Registrations registrations,
            Centers centers) {
        this.publishing = publishing;
        this.repository = repository;
        this.registrations = registrations;
        this.centers = centers;
    }

    static Map<String, Object> view(Activity a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("centerCode", a.centerCode());
        body.put("title", a.title());
        body.put("category", a.category());
        body.put("description", a.description());
        body.put("startsAt", a.startsAt());
        body.put("endsAt", a.endsAt());
        body.put("capacity", a.capacity());
        body.put("confirmed", a.confirmed());
        body.put("waitlisted", a.waitlisted());
        body.put("spaceCode", a.spaceCode());
        body.put("online", a.streamUrl() != null);
        body.put("registrationOpensAt", a.registrationOpensAt());
        body.put("registrationClosesAt", a.registrationClosesAt());
        body.put("minAge", a.minAge());
        body.put("maxAge", a.maxAge());
        body.put("status", a.status());
        body.put("familyRegistration", a.familyRegistration());
        body.put("seriesId", a.seriesId());
        body.put("volunteersNeeded", a.volunteersNeeded());
        body.put("paidWithPoints", a.paid());
        return body;
    }

    @PostMapping("/api/v1/centers/{code}/activities")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Publish an activity (category CHILDREN, ELDERLY, FAMILY, CULTURE_SPORTS, TRAINING, "
            + "LIVE_STREAM); registration opens at once unless registrationOpensAt is given")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String code,
            @RequestBody ActivityPublishing.NewActivity body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(publishing.publish(code, body,
                ActorId.of(principal))));
    }

    record Capacity(Integer capacity) {
    }

    @PutMapping("/api/v1/centers/{code}/activities/{id}/capacity")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Change the number of places: below those confirmed → 400; more places confirm the "
            + "head of the waitlist at once")
    Map<String, Object> capacity(@PathVariable String code, @PathVariable long id, @RequestBody Capacity body) {
        Activity a = find(id);
        if (!a.centerCode().equals(code)) {
            throw LinliException.notFound("ACTIVITY_NOT_FOUND", id);
        }
        if (body == null || body.capacity() == null) {
            throw LinliException.invalidField("capacity", "ACTIVITY_CAPACITY_RANGE", 1, 10_000);
        }
        registrations.changeCapacity(id, body.capacity());
        return view(find(id));
    }

    @GetMapping("/api/v1/activities/{id}")
    @Public
    @Operation(summary = "An activity with its places: capacity, confirmed, waitlisted")
    Map<String, Object> get(@PathVariable long id) {
        return view(find(id));
    }

    @GetMapping("/api/v1/activities")
    @Public
    @Operation(summary = "Upcoming activities across the district, or under one center or street (center), "
            + "optionally of one category, from and to a date (YYYY-MM-DD, inclusive) and open to an age, a page "
            + "at a time")
    Map<String, Object> list(@RequestParam(required = false) String center,
            @RequestParam(defaultValue = "") String category, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer age,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        List<String> scope = center == null || center.isBlank()
                ? centers.all().stream().map(c -> c.code().value()).toList() : centers.subtree(centers.require(center)
                        .code().value());
        String cat = category.isBlank() ? "" : categoryOrRefuse(category);
        if (age != null && (age < 0 || age > 120)) {
            throw LinliException.invalidField("age", "ACTIVITY_AGE_RANGE");
        }
        int safeSize = Math.min(Math.max(size, 1), 100);
        int safePage = Math.min(Math.max(page, 1), 10_000);
        ActivityRepository.Filter filter = filter(scope, cat, from, to, age);
        return Map.of("activities", repository.upcoming(filter, safeSize, (safePage - 1) * safeSize).stream()
                        .map(ActivityApiController::view).toList(),
                "total", repository.countUpcoming(filter), "page", safePage, "size", safeSize);
    }

    /** From today (or the from date) to the end of the to date, both read in Asia/Shanghai. */
    static ActivityRepository.Filter filter(List<String> scope, String category, String from, String to, Integer age) {
        OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
        OffsetDateTime start = now;
        if (from != null && !from.isBlank()) {
            OffsetDateTime day = RequestTimes.date("from", from).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
            start = day.isAfter(now) ? day : now;
        }
        OffsetDateTime until = to == null || to.isBlank() ? null
                : RequestTimes.date("to", to).plusDays(1).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
        return new ActivityRepository.Filter(scope, category, start, until, age);
    }

    record Registering(Long personId) {
    }

    @PostMapping("/api/v1/activities/{id}/registrations")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Register oneself (empty body) or a household member ({\"personId\"}, when the activity "
            + "allows family registration): CONFIRMED while places remain, else WAITLISTED with the position (1 is "
            + "next); the same person again → 409; an age outside the audience → 409")
    ResponseEntity<Map<String, Object>> register(@PathVariable long id,
            @RequestBody(required = false) Registering body, Principal principal) {
        Registrations.Place place = registrations.register(id, Me.of(principal), body == null ? null : body.personId(),
                OffsetDateTime.now(RequestTimes.ZONE));
        return ResponseEntity.status(HttpStatus.CREATED).body(place(place));
    }

    @GetMapping("/api/v1/activities/{id}/registrations/mine")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Every registration I made for this activity: myself (personId null) and household members")
    Map<String, Object> family(@PathVariable long id, Principal principal) {
        find(id);
        return Map.of("registrations", registrations.mine(id, Me.of(principal)).stream()
                .map(ActivityApiController::place).toList());
    }

    @DeleteMapping("/api/v1/activities/{id}/registrations/members/{personId}")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel a household member's registration; the head of the waitlist is confirmed in the "
            + "same transaction")
    ResponseEntity<Void> cancelMember(@PathVariable long id, @PathVariable long personId, Principal principal) {
        registrations.cancel(id, Me.of(principal), personId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/activities/{id}/registrations/me")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "My registration: status and waitlist position, or 404 when not registered")
    Map<String, Object> mine(@PathVariable long id, Principal principal) {
        find(id);
        return place(registrations.live(id, Me.of(principal))
                .orElseThrow(() -> LinliException.notFound("REGISTRATION_NOT_FOUND", id)));
    }

    @DeleteMapping("/api/v1/activities/{id}/registrations/me")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel my registration; the head of the waitlist is confirmed in the same transaction")
    ResponseEntity<Void> cancel(@PathVariable long id, Principal principal) {
        registrations.cancel(id, Me.of(principal));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/activities/{id}/calendar.ics")
    @Public
    @Operation(summary = "The activity as an RFC 5545 calendar file (times in UTC, so no VTIMEZONE is needed)")
    ResponseEntity<String> calendar(@PathVariable long id) {
        Activity a = find(id);
        String where = centers.find(a.centerCode()).map(c -> c.nameZh() + (c.addressZh() == null ? ""
                : "，" + c.addressZh())).orElse(a.centerCode());
        String body = CalendarFile.event("activity-" + a.id(), a.startsAt(), a.endsAt(), a.title(),
                a.streamUrl() != null ? "线上直播（报名成功后在活动页打开）" : where, a.description());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linli-activity-" + id + ".ics\"")
                .body(body);
    }

    private Activity find(long id) {
        return repository.find(id).orElseThrow(() -> LinliException.notFound("ACTIVITY_NOT_FOUND", id));
    }

    static String categoryOrRefuse(String category) {
        try {
            return Activity.Category.valueOf(category).name();
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("category", "ACTIVITY_CATEGORY_UNKNOWN", category);
        }
    }

    static Map<String, Object> place(Registrations.Place place) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (place.personId() != null) {
            body.put("personId", place.personId());
        }
        body.put("status", place.status().name());
        body.put("waitlistPosition", place.waitlistPosition());
        if (!place.clashes().isEmpty()) {
            body.put("clashes", place.clashes());
        }
        return body;
    }
}
