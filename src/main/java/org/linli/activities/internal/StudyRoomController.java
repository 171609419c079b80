package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.QrCodes;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The study room's door page, opened by the QR code at the door: occupancy, check-in and out, seats. */
@Controller
class StudyRoomController {

    private final StudyRoom room;
    private final Centers centers;
    private final Spaces spaces;

    StudyRoomController(StudyRoom room, Centers centers, Spaces spaces) {
        this.room = room;
        this.centers = centers;
        this.spaces = spaces;
    }

    @GetMapping("/centers/{code}/spaces/{spaceCode}/door")
    String door(@PathVariable String code, @PathVariable String spaceCode, Model model, HttpServletRequest request,
            Principal principal) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("room", spaces.find(code, spaceCode)
                .orElseThrow(() -> LinliException.notFound("SPACE_NOT_FOUND", spaceCode)));
        model.addAttribute("occupancy", room.occupancy(code, spaceCode));
        model.addAttribute("signedIn", ActorId.of(principal) != null);
        String url = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/centers/" + code
                + "/spaces/" + spaceCode + "/door";
        model.addAttribute("doorQr", QrCodes.svg(url, spaceCode));
        return "activities/door";
    }

    @PostMapping("/centers/{code}/spaces/{spaceCode}/door/{action}")
    @Access(roles = Role.RESIDENT)
    String doorAction(@PathVariable String code, @PathVariable String spaceCode, @PathVariable String action,
            @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
            Principal principal, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            switch (action) {
                case "in" -> room.checkIn(code, spaceCode, Me.of(principal));
                case "out" -> room.checkOut(code, spaceCode, Me.of(principal));
                case "seat" -> room.bookSeat(code, spaceCode, Me.of(principal), startsAt, endsAt);
                default -> throw LinliException.notFound("NOT_FOUND");
            }
            return "redirect:/centers/" + code + "/spaces/" + spaceCode + "/door?done=" + action;
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && "NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return door(code, spaceCode, model, request, principal);
        }
    }
}
