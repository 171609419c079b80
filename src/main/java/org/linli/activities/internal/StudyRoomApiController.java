package org.linli.activities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.linli.platform.Access;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Study room", description = "Live occupancy, check-in and out at the door, seat bookings")
class StudyRoomApiController {

    private final StudyRoom room;

    StudyRoomApiController(StudyRoom room) {
        this.room = room;
    }

    @GetMapping("/api/v1/centers/{code}/spaces/{spaceCode}/occupancy")
    @Public
    @Operation(summary = "Seats: capacity, inside now, held by bookings, free, and visitors today")
    StudyRoom.Occupancy occupancy(@PathVariable String code, @PathVariable String spaceCode) {
        return room.occupancy(code, spaceCode);
    }

    @PostMapping("/api/v1/centers/{code}/spaces/{spaceCode}/visits")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Check in at the door (one's booking held now is used; otherwise a free seat is needed); "
            + "RESIDENT use any center")
    ResponseEntity<StudyRoom.Occupancy> checkIn(@PathVariable String code, @PathVariable String spaceCode,
            Principal principal) {
        room.checkIn(code, spaceCode, Me.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED).body(room.occupancy(code, spaceCode));
    }

    @PostMapping("/api/v1/centers/{code}/spaces/{spaceCode}/visits/checkout")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Check out; RESIDENT use any center")
    StudyRoom.Occupancy checkOut(@PathVariable String code, @PathVariable String spaceCode, Principal principal) {
        room.checkOut(code, spaceCode, Me.of(principal));
        return room.occupancy(code, spaceCode);
    }

    record SeatRequest(String startsAt, String endsAt) {
    }

    @PostMapping("/api/v1/centers/{code}/spaces/{spaceCode}/seat-bookings")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Book a seat for a time within the room's hours; unused 15 minutes after its start, it is "
            + "released; RESIDENT use any center")
    ResponseEntity<Map<String, Object>> bookSeat(@PathVariable String code, @PathVariable String spaceCode,
            @RequestBody SeatRequest body, Principal principal) {
        long id = room.bookSeat(code, spaceCode, Me.of(principal), body.startsAt(), body.endsAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/api/v1/centers/{code}/spaces/{spaceCode}/seat-bookings/{id}")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Cancel one's seat booking; RESIDENT use any center")
    ResponseEntity<Void> cancelSeat(@PathVariable String code, @PathVariable String spaceCode, @PathVariable long id,
            Principal principal) {
        room.cancelSeat(code, spaceCode, Me.of(principal), id);
        return ResponseEntity.noContent().build();
    }
}
