package org.linli.identity.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.linli.identity.Callers;
import org.linli.identity.internal.AccountRepository;
import org.linli.identity.internal.StaffManagement;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centers/{code}")
@Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
@Tag(name = "Staff and roles", description = "Who works at a center, and with which role")
class StaffApiController {

    private final StaffManagement staff;
    private final AccountRepository accounts;
    private final Callers callers;

    StaffApiController(StaffManagement staff, AccountRepository accounts, Callers callers) {
        this.staff = staff;
        this.accounts = accounts;
        this.callers = callers;
    }

    record StaffView(long grantId, long accountId, String username, String displayName, String role) {
    }

    record NewStaff(String username, String displayName, String password) {
    }

    record NewGrant(String username, String role) {
    }

    @GetMapping("/staff")
    @Operation(summary = "Everyone holding a role at this center")
    Map<String, List<StaffView>> list(@PathVariable String code) {
        return Map.of("staff", accounts.staffAt(code).stream().map(m -> new StaffView(m.grantId(), m.accountId(),
                m.username(), m.displayName(), m.role().name())).toList());
    }

    @PostMapping("/staff")
    @Operation(summary = "Create a staff account at this center")
    ResponseEntity<Map<String, Long>> add(@PathVariable String code, @RequestBody NewStaff body,
            HttpServletRequest request) {
        long id = staff.addStaff(callers.current().orElseThrow(), code, body.username(), body.displayName(),
                body.password(), ClientAddress.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accountId", id));
    }

    @PostMapping("/roles")
    @Operation(summary = "Give an existing account a role at this center")
    ResponseEntity<Void> grant(@PathVariable String code, @RequestBody NewGrant body, HttpServletRequest request) {
        staff.grant(callers.current().orElseThrow(), code, body.username(), role(body.role()),
                ClientAddress.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping("/roles/{grantId}")
    @Operation(summary = "Take a role away")
    ResponseEntity<Void> revoke(@PathVariable String code, @PathVariable long grantId, HttpServletRequest request) {
        staff.revoke(callers.current().orElseThrow(), code, grantId, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (RuntimeException e) {
            throw LinliException.invalidField("role", "ROLE_INVALID");
        }
    }
}
