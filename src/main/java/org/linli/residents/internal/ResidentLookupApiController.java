package org.linli.residents.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centers/{code}/residents")
@Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
@Tag(name = "Residents (staff)", description = "Look residents up (masked) and reveal an ID number with a reason")
class ResidentLookupApiController {

    private final ResidentLookup lookup;
    private final Callers callers;

    ResidentLookupApiController(ResidentLookup lookup, Callers callers) {
        this.lookup = lookup;
        this.callers = callers;
    }

    record Reveal(String reason) {
    }

    record Search(String q) {
    }

    /** A POST, so that an ID number never stands in a URL (access logs, history, Referer). */
    @PostMapping("/search")
    @Operation(summary = "Find a resident of this center by mobile number or exact ID number; details masked")
    Map<String, List<MyDetailsApiController.MaskedDetails>> find(@PathVariable String code, @RequestBody Search body) {
        return Map.of("residents", lookup.find(code, body == null ? null : body.q())
                .map(MyDetailsApiController.MaskedDetails::forStaff).stream().toList());
    }

    @GetMapping("/{personId}")
    @Operation(summary = "One resident of this center, masked")
    MyDetailsApiController.MaskedDetails get(@PathVariable String code, @PathVariable long personId) {
        return MyDetailsApiController.MaskedDetails.forStaff(lookup.require(code, personId));
    }

    @PostMapping("/{personId}/reveal")
    @Operation(summary = "The full ID number, for a stated reason; recorded and shown to the resident")
    Map<String, String> reveal(@PathVariable String code, @PathVariable long personId, @RequestBody Reveal body,
            HttpServletRequest request) {
        if (body == null) {
            throw LinliException.invalidField("reason", "REVEAL_REASON_REQUIRED");
        }
        return Map.of("idNumber", lookup.reveal(callers.current().orElseThrow(), code, personId, body.reason(),
                ClientAddress.of(request)));
    }
}
