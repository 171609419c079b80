package org.linli.applications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.identity.Caller;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Applications", description = "Apply online or at the window; staff handle every item in one inbox")
class ApplicationApiController {

    private final ApplicationService applications;
    private final Materials materials;
    private final ApplicationRepository repository;
    private final Callers callers;

    ApplicationApiController(ApplicationService applications, Materials materials, ApplicationRepository repository,
            Callers callers) {
        this.applications = applications;
        this.materials = materials;
        this.repository = repository;
        this.callers = callers;
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> LinliException.unauthorized("UNAUTHENTICATED"));
    }

    record NewApplication(String centerCode, String itemCode, Map<String, Object> fields,
            Map<String, String> answers) {
    }

    @PostMapping("/api/v1/applications")
    @Access
    @Operation(summary = "Apply for a center's published item with its form (fields) and situation answers; "
            + "RESIDENT use any center")
    ResponseEntity<Map<String, Object>> submit(@RequestBody NewApplication body, HttpServletRequest request) {
        Caller caller = caller();
        Application created = applications.submit(caller, new ApplicationService.Submission(body.centerCode(),
                body.itemCode(), body.fields(), body.answers()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(caller, created, request));
    }

    @GetMapping("/api/v1/applications/{id}")
    @Access
    @Operation(summary = "An application with its history (the applicant, or staff of its center)")
    Map<String, Object> get(@PathVariable long id, HttpServletRequest request) {
        Caller caller = caller();
        return view(caller, applications.visible(caller, id), request);
    }

    record Transition(String action, String reason, String note, String upstreamCaseNumber, String upstreamContact,
            String result, String handover) {
    }

    @PostMapping("/api/v1/applications/{id}/transitions")
    @Access
    @Operation(summary = "Staff: ACCEPT, REQUEST_SUPPLEMENT (reason: what exactly), REFUSE (reason), FORWARD "
            + "(upstreamCaseNumber, upstreamContact), RECORD_RESULT (result), COMPLETE (handover: PICKUP, POST, "
            + "HOME_DELIVERY). Applicant: SUPPLEMENT, WITHDRAW. Not allowed now → 409")
    Map<String, Object> transition(@PathVariable long id, @RequestBody Transition body, HttpServletRequest request) {
        Caller caller = caller();
        Application next = applications.act(caller, id, new ApplicationService.Step(body.action(), body.reason(),
                body.note(), body.upstreamCaseNumber(), body.upstreamContact(), body.result(), body.handover()));
        return view(caller, next, request);
    }

    record Rating(Integer stars, String comment) {
    }

    @PostMapping("/api/v1/applications/{id}/rating")
    @Access
    @Operation(summary = "The applicant rates a completed application (好差评: 1–5 stars, a comment); 1–2 stars "
            + "open a follow-up for the center admin")
    Map<String, Object> rate(@PathVariable long id, @RequestBody Rating body, HttpServletRequest request) {
        Caller caller = caller();
        return view(caller, applications.rate(caller, id, body.stars(), body.comment()), request);
    }

    @PostMapping("/api/v1/applications/{id}/materials") // no consumes: the right is checked before the body's type
    @Access
    @Operation(summary = "Upload a material (JPEG, PNG or PDF, checked by content; 10 MB at most): the applicant "
            + "while it awaits materials, staff until it closes")
    ResponseEntity<Materials.Material> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String name) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(materials.add(caller(), id, name, file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/applications/{id}/materials/{materialId}")
    @Access
    @Operation(summary = "Download a material (the applicant, or staff of the center)")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long materialId) {
        Materials.Download d = materials.download(caller(), id, materialId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    @GetMapping("/api/v1/me/applications")
    @Access
    @Operation(summary = "My applications, newest first")
    Map<String, Object> mine() {
        return Map.of("applications", repository.mine(caller().accountId()));
    }

    @GetMapping("/api/v1/centers/{code}/applications")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The center's one inbox: every application of every item, filtered by status, item and "
            + "due (SOON: within 3 days, OVERDUE), open ones by deadline first")
    Map<String, Object> inbox(@PathVariable String code, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        Inbox.Filter filter = Inbox.filter(status, item, due);
        int safeSize = Math.min(Math.max(size, 1), 100);
        int safePage = Math.min(Math.max(page, 1), 100_000);
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        return Map.of("applications", repository.inbox(code, filter.status(), filter.item(), filter.due(), today,
                        safeSize, (safePage - 1) * safeSize),
                "total", repository.inboxCount(code, filter.status(), filter.item(), filter.due(), today),
                "page", safePage, "size", safeSize);
    }

    record WalkIn(String itemCode, String residentPhone, String residentName, String channel, Boolean consent,
            Map<String, Object> fields, Map<String, String> answers) {
    }

    @PostMapping("/api/v1/centers/{code}/applications")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Staff register an application for a resident at the window or by phone (帮办), with the "
            + "resident's consent (consent: true)")
    ResponseEntity<Map<String, Object>> walkIn(@PathVariable String code, @RequestBody WalkIn body,
            HttpServletRequest request) {
        Caller caller = caller();
        Application created = applications.register(caller, code, body.residentPhone(), body.residentName(),
                body.channel(), Boolean.TRUE.equals(body.consent()), new ApplicationService.Submission(code,
                        body.itemCode(), body.fields(), body.answers()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(caller, created, request));
    }

    @GetMapping("/api/v1/centers/{code}/follow-ups")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Follow-ups of poor ratings (1–2 stars) for the center admin")
    Map<String, Object> followUps(@PathVariable String code) {
        return Map.of("followUps", repository.followUps(code));
    }

    record Close(String note) {
    }

    @PostMapping("/api/v1/centers/{code}/follow-ups/{id}/close")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Close a follow-up with what was done")
    ResponseEntity<Void> closeFollowUp(@PathVariable String code, @PathVariable long id, @RequestBody Close body) {
        String note = PlainText.check("note", body == null ? null : body.note(), 1000);
        if (note == null) {
            throw LinliException.invalidField("note", "FOLLOW_UP_NOTE_REQUIRED");
        }
        if (repository.closeFollowUp(code, id, caller().accountId(), note) == 0) {
            throw LinliException.notFound("FOLLOW_UP_NOT_FOUND", id);
        }
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> view(Caller caller, Application a, HttpServletRequest request) {
        ApplicationService.Viewer viewer = applications.viewer(caller, a);
        boolean staff = viewer == ApplicationService.Viewer.STAFF;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("number", a.number());
        body.put("status", a.status().name());
        body.put("centerCode", a.centerCode());
        body.put("itemCode", a.itemCode());
        body.put("itemName", a.itemName());
        body.put("kind", a.kind().name());
        body.put("channel", a.channel());
        body.put("timeLimit", a.timeLimit());
        body.put("acceptedAt", a.acceptedAt());
        body.put("deadline", a.deadline());
        body.put("supplementRequest", a.status() == Status.SUPPLEMENT_REQUESTED ? a.supplementRequest() : null);
        body.put("upstreamResult", a.upstreamResult());
        if (staff) {
            body.put("upstreamCaseNumber", a.upstreamCaseNumber());
            body.put("upstreamContact", a.upstreamContact());
        }
        body.put("handover", a.handover());
        body.put("completedAt", a.completedAt());
        body.put("rating", a.rating());
        body.put("ratingComment", a.ratingComment());
        body.put("answers", a.answers());
        body.put("fields", applications.form(caller, viewer, a, ClientAddress.of(request)));
        body.put("materials", materials.list(a.id()));
        body.put("allowedActions", List.of(Action.values()).stream()
                .filter(act -> act.byStaff() == staff && a.allows(act)).map(Enum::name).toList());
        body.put("history", applications.history(viewer, a).stream().map(e -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", e.at());
            h.put("action", e.action());
            h.put("status", e.toStatus());
            h.put("by", e.actorKind());
            h.put("reason", e.reason());
            if (staff) {
                h.put("actorId", e.actorId());
                h.put("internalNote", e.internalNote());
            }
            return h;
        }).toList());
        return body;
    }
}
