package org.linli.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.identity.Caller;
import org.linli.identity.Callers;
import org.linli.identity.internal.AccountRepository;
import org.linli.identity.internal.StaffManagement;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A center's staff and roles, for its admin and the admins above it. */
@Controller
@Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
class StaffPageController {

    private final Callers callers;
    private final Centers centers;
    private final AccountRepository accounts;
    private final StaffManagement staff;

    StaffPageController(Callers callers, Centers centers, AccountRepository accounts, StaffManagement staff) {
        this.callers = callers;
        this.centers = centers;
        this.accounts = accounts;
        this.staff = staff;
    }

    @GetMapping("/admin/centers/{code}/staff")
    String page(@PathVariable String code, Model model) {
        Caller caller = callers.current().orElseThrow();
        Center center = centers.require(code);
        model.addAttribute("center", center);
        model.addAttribute("staff", accounts.staffAt(code));
        model.addAttribute("grantable", staff.grantable(caller, center));
        model.addAttribute("children", centers.children(center.code()));
        return "identity/staff";
    }

    @PostMapping("/admin/centers/{code}/staff")
    String add(@PathVariable String code, @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(code, model, response, () -> staff.addStaff(callers.current().orElseThrow(), code, username,
                displayName, password, ClientAddress.of(request)));
    }

    @PostMapping("/admin/centers/{code}/roles")
    String grant(@PathVariable String code, @RequestParam(required = false) String username,
            @RequestParam(required = false) Role role, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(code, model, response, () -> staff.grant(callers.current().orElseThrow(), code, username, role,
                ClientAddress.of(request)));
    }

    @PostMapping("/admin/centers/{code}/roles/{grantId}/revoke")
    String revoke(@PathVariable String code, @PathVariable long grantId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return act(code, model, response, () -> staff.revoke(callers.current().orElseThrow(), code, grantId,
                ClientAddress.of(request)));
    }

    private String act(String code, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/admin/centers/" + code + "/staff?saved";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return page(code, model);
        }
    }
}
