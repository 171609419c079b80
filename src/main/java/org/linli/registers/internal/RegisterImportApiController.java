package org.linli.registers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Registers;
import org.linli.platform.Role;
import org.linli.registers.RegisterKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of the registers staff keep: {@code kind} is home-care, volunteers or merchants. No
 * {@code consumes} on the upload, so a caller without the right is told so before the body's type.
 */
@RestController
@Tag(name = "Register imports (台账导入)")
class RegisterImportApiController {

    private final RegisterImports imports;
    private final Callers callers;
    private final Centers centers;

    RegisterImportApiController(RegisterImports imports, Callers callers, Centers centers) {
        this.imports = imports;
        this.callers = callers;
        this.centers = centers;
    }

    /** The register the path names, when the caller may import it at this center. */
    RegisterKind allowed(String code, String slug) {
        RegisterKind kind = imports.kind(slug);
        if (!callers.holdsAt(code, kind.description().roles())) {
            throw LinliException.forbidden("FORBIDDEN");
        }
        return kind;
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw LinliException.invalidField("file", "IMPORT_EMPTY");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw LinliException.badRequest("IMPORT_NOT_XLSX");
        }
    }

    @PostMapping("/api/v1/centers/{code}/{kind}/imports")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Upload a register (xlsx with the template's columns; kind: home-care, volunteers, "
            + "merchants): a preview naming every bad row and why; nothing is imported yet")
    ResponseEntity<RegisterImports.Status> upload(@PathVariable String code, @PathVariable String kind,
            @RequestPart(value = "file", required = false) MultipartFile file, Principal principal) {
        RegisterKind register = allowed(code, kind);
        byte[] content = bytes(file);
        return ResponseEntity.status(201).body(imports.preview(register, code, ActorId.of(principal),
                file.getOriginalFilename(), content));
    }

    @PostMapping("/api/v1/centers/{code}/{kind}/imports/{importId}/run")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Import a clean preview: all rows or none, in the background; follow it with GET")
    ResponseEntity<RegisterImports.Status> run(@PathVariable String code, @PathVariable String kind,
            @PathVariable long importId, Principal principal) {
        return ResponseEntity.status(202).body(imports.run(allowed(code, kind), code, importId, ActorId.of(principal)));
    }

    @GetMapping("/api/v1/centers/{code}/{kind}/imports/{importId}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "An import's status, progress (done of total) and the rows found wrong")
    RegisterImports.Status status(@PathVariable String code, @PathVariable String kind, @PathVariable long importId) {
        return imports.find(allowed(code, kind), code, importId);
    }

    @GetMapping("/api/v1/centers/{code}/{kind}/import-template.xlsx")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The register's empty template: title, center, the columns an import expects")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable String kind) {
        RegisterKind.Description register = allowed(code, kind).description();
        String name = centers.require(code).nameZh();
        return Registers.download(Registers.xlsx(new Registers.Table(register.title(), name + " " + register.title()
                + "台账", "服务中心：" + name + "    " + register.hint(), register.headers(), List.of())),
                register.slug() + "-register-" + code + ".xlsx");
    }
}
