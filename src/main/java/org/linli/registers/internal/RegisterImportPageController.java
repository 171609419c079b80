package org.linli.registers.internal;

import static org.linli.platform.PageRefusals.attempt;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.Role;
import org.linli.registers.RegisterKind;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import pages: upload (from the register's own page), the preview with every bad row, the run. */
@Controller
class RegisterImportPageController {

    private final RegisterImportApiController api;
    private final Centers centers;
    private final org.springframework.context.MessageSource messages;

    RegisterImportPageController(RegisterImportApiController api, Centers centers,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.api = api;
        this.centers = centers;
    }

    private String importsPath(String code, String kind) {
        return "/staff/centers/" + code + "/" + kind + "/imports";
    }

    @PostMapping("/staff/centers/{code}/{kind}/imports")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String upload(@PathVariable String code, @PathVariable String kind,
            @RequestParam(value = "file", required = false) MultipartFile file, Principal principal, Model model,
            HttpServletResponse response) {
        long[] id = {0};
        if (attempt(() -> id[0] = api.upload(code, kind, file, principal).getBody().id(), model, response)) {
            return "redirect:" + importsPath(code, kind) + "/" + id[0];
        }
        // the refusal is shown on an import page of its own, with the way back to the register
        return page(code, kind, null, model);
    }

    @GetMapping("/staff/centers/{code}/{kind}/imports/{importId}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String importPage(@PathVariable String code, @PathVariable String kind, @PathVariable long importId, Model model) {
        return page(code, kind, api.status(code, kind, importId), model);
    }

    private String page(String code, String kind, RegisterImports.Status status, Model model) {
        RegisterKind.Description register = api.allowed(code, kind).description();
        model.addAttribute("center", centers.require(code));
        model.addAttribute("register", register);
        model.addAttribute("backPath", register.backPath(code));
        model.addAttribute("imp", status);
        model.addAttribute("failure", status == null || status.message() == null ? null : failure(status.message()));
        return "registers/import";
    }

    /** Why a run failed, in the reader's language: "IMPORT_ROW_REFUSED|12|ID_NUMBER_TAKEN" → 第 12 行… */
    private String failure(String stored) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String[] parts = stored.split("\\|");
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String arg = parts[i];
            // an argument that is itself an error code (the row's refusal) is said in words too
            args[i - 1] = arg.matches("[A-Z][A-Z0-9_]+") ? messages.getMessage("error." + arg, null, arg, locale) : arg;
        }
        return messages.getMessage("error." + parts[0], args, parts[0], locale);
    }

    @PostMapping("/staff/centers/{code}/{kind}/imports/{importId}/run")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String run(@PathVariable String code, @PathVariable String kind, @PathVariable long importId, Principal principal,
            Model model, HttpServletResponse response) {
        if (attempt(() -> api.run(code, kind, importId, principal), model, response)) {
            return "redirect:" + importsPath(code, kind) + "/" + importId;
        }
        return importPage(code, kind, importId, model);
    }

    @GetMapping("/staff/centers/{code}/{kind}/import-template.xlsx")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable String kind) {
        return api.template(code, kind);
    }
}
