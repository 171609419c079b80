package org.linli.activities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.Public;
import org.linli.platform.RequestTimes;
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

@RestController
@Tag(name = "Spaces", description = "A center's rooms and areas; groups book the bookable ones; one timeline per space")
class SpaceApiController {

    private final Spaces spaces;
    private final Centers centers;
    private final Callers callers;

    SpaceApiController(Spaces spaces, Centers centers, Callers callers) {
        this.spaces = spaces;
        this.centers = centers;
        this.callers = callers;
    }

    @GetMapping("/api/v1/centers/{code}/spaces")
    @Public
    @Operation(summary = "The center's spaces: type, capacity, operator, whether the public may book")
    Map<String, Object> list(@PathVariable String code) {
        return Map.of("spaces", spaces.of(code));
    }

    @PutMapping("/api/v1/centers/{code}/spaces/{spaceCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add or change a space (its hours are kept by the calendar's hours for that space)")
    Spaces.Space save(@PathVariable String code, @PathVariable String spaceCode,
            @RequestBody Spaces.SpaceInput body) {
        return spaces.save(code, new Spaces.SpaceInput(spaceCode, body.name(), body.type(), body.capacity(),
                body.operator(), body.bookable()));
    }

    @GetMapping("/api/v1/centers/{code}/spaces/{spaceCode}/timeline")
    @Public
    @Operation(summary = "Bookings and activities in a space from a date (default today) for some days (default 7)")
    Map<String, Object> timeline(@PathVariable String code, @PathVariable String spaceCode,
            @RequestParam(required = false) String from, @RequestParam(defaultValue = "7") int days) {
        LocalDate start = from == null ? LocalDate.now(RequestTimes.ZONE) : RequestTimes.date("from", from);
        OffsetDateTime begin = start.atStartOfDay(RequestTimes.ZONE).toOffsetDateTime();
        return Map.of("slots", spaces.timeline(code, spaceCode, begin, begin.plusDays(Math.min(Math.max(days, 1), 31))));
    }

    @PostMapping("/api/v1/centers/{code}/spaces/{spaceCode}/bookings")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "A group books a bookable room (RESIDENT use any center); outside its hours or over "
            + "another booking or activity → 409 naming the clash")
    ResponseEntity<Map<String, Object>> book(@PathVariable String code, @PathVariable String spaceCode,
            @RequestBody Spaces.BookingInput body, Principal principal) {
        long id = spaces.book(code, spaceCode, body, Me.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/api/v1/centers/{code}/spaces/{spaceCode}/bookings/{id}")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel a booking (the one who booked it, or staff of the center); RESIDENT use any center")
    ResponseEntity<Void> cancel(@PathVariable String code, @PathVariable String spaceCode, @PathVariable long id,
            Principal principal) {
        boolean staff = callers.holdsAt(code, java.util.EnumSet.of(Role.STAFF, Role.CENTER_ADMIN,
                Role.STREET_ADMIN, Role.DISTRICT_ADMIN));
        spaces.cancelBooking(code, spaceCode, id, Me.of(principal), staff);
        return ResponseEntity.noContent().build();
    }
}
