package org.linli.applications.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.catalog.Catalog;
import org.linli.catalog.PublishedItem;
import org.linli.centers.Centers;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Residents apply and follow their applications; staff work the center's one inbox and register walk-ins. */
@Controller
class ApplicationPageController {

    private final ApplicationService applications;
    private final Materials materials;
    private final ApplicationRepository repository;
    private final Catalog catalog;
    private final Centers centers;
    private final Callers callers;
    private final TransactionTemplate transactions;

    ApplicationPageController(ApplicationService applications, Materials materials, ApplicationRepository repository,
            Catalog catalog, Centers centers, Callers callers, TransactionTemplate transactions) {
        this.applications = applications;
        this.materials = materials;
        this.repository = repository;
        this.catalog = catalog;
        this.centers = centers;
        this.callers = callers;
        this.transactions = transactions;
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> LinliException.unauthorized("UNAUTHENTICATED"));
    }

    // ----- residents ------------------------------------------------------------------------------

    @GetMapping("/centers/{code}/services/{itemCode}/apply")
    @Access(roles = Role.RESIDENT)
    String applyForm(@PathVariable String code, @PathVariable String itemCode,
            @RequestParam Map<String, String> params, Model model) {
        PublishedItem item = applicable(code, itemCode);
        fillApply(model, item, answers(item, params), Map.of(), Map.of());
        return "applications/apply";
    }

    @PostMapping("/centers/{code}/services/{itemCode}/apply")
    @Access(roles = Role.RESIDENT)
    String apply(@PathVariable String code, @PathVariable String itemCode, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        PublishedItem item = applicable(code, itemCode);
        Map<String, String> answers = answers(item, single(request.getParameterMap()));
        Map<String, Object> values = new LinkedHashMap<>();
        item.fields().forEach(f -> {
            String v = request.getParameter("field." + f.name());
            if (v != null) {
                values.put(f.name(), v);
            }
        });
        Caller caller = caller();
        try {
            Application created = transactions.execute(status -> {
                Application a = applications.submit(caller, new ApplicationService.Submission(code, itemCode, values,
                        answers));
                attach(caller, a.id(), request);
                return a;
            });
            return "redirect:/me/applications/" + created.id() + "?submitted";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            Map<String, String> strings = new LinkedHashMap<>();
            values.forEach((k, v) -> strings.put(k, String.valueOf(v)));
            fillApply(model, item, answers, strings, errors(refusal));
            model.addAttribute("error", refusal);
            return "applications/apply";
        }
    }

    private void fillApply(Model model, PublishedItem item, Map<String, String> answers, Map<String, String> values,
            Map<String, LinliException.FieldError> errors) {
        model.addAttribute("center", centers.require(item.centerCode()));
        model.addAttribute("item", item);
        model.addAttribute("answers", answers);
        model.addAttribute("materials", item.materialsFor(answers));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
    }

    @GetMapping("/me/applications")
    @Access
    String mine(Model model) {
        model.addAttribute("applications", repository.mine(caller().accountId()));
        return "applications/mine";
    }

    @GetMapping("/me/applications/{id}")
    @Access
    String myApplication(@PathVariable long id, Model model, HttpServletRequest request) {
        Caller caller = caller();
        Application a = repository.find(id).orElseThrow(() -> ApplicationService.notFound(id));
        if (applications.viewer(caller, a) != ApplicationService.Viewer.APPLICANT) {
            throw ApplicationService.notFound(id);
        }
        detail(model, caller, a, request);
        return "applications/detail";
    }

    @PostMapping("/me/applications/{id}/{action}")
    @Access
    String residentAction(@PathVariable long id, @PathVariable String action, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Caller caller = caller();
        try {
            switch (action) {
                case "withdraw" -> applications.act(caller, id, step("WITHDRAW", request));
                case "supplement" -> transactions.executeWithoutResult(status -> {
                    attach(caller, id, request);
                    applications.act(caller, id, step("SUPPLEMENT", request));
                });
                case "rate" -> applications.rate(caller, id, stars(request.getParameter("stars")),
                        request.getParameter("comment"));
                default -> throw LinliException.notFound("NOT_FOUND");
            }
            return "redirect:/me/applications/" + id + "?done=" + action;
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return myApplication(id, model, request);
        }
    }

    @GetMapping("/me/applications/{id}/materials/{materialId}")
    @Access
    ResponseEntity<byte[]> myMaterial(@PathVariable long id, @PathVariable long materialId) {
        return file(materials.download(caller(), id, materialId));
    }

    // ----- staff ----------------------------------------------------------------------------------

    @GetMapping("/staff/centers/{code}/applications")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String inbox(@PathVariable String code, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Inbox.Filter filter;
        try {
            filter = Inbox.filter(status, item, due);
        } catch (LinliException wrong) {
            filter = new Inbox.Filter("", "", "");
        }
        int size = 20;
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        int total = repository.inboxCount(code, filter.status(), filter.item(), filter.due(), today);
        int pages = Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(parse(page), 1), pages);
        model.addAttribute("center", centers.require(code));
        model.addAttribute("filter", filter);
        model.addAttribute("rows", repository.inbox(code, filter.status(), filter.item(), filter.due(), today, size,
                (current - 1) * size));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("today", today);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("dueSoon", repository.inboxCount(code, "", "", "SOON", today));
        model.addAttribute("overdueCount", repository.inboxCount(code, "", "", "OVERDUE", today));
        Caller caller = caller();
        boolean admin = caller.covers(centers.path(centers.require(code)).stream().map(c -> c.code().value()).toList(),
                java.util.EnumSet.of(Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN));
        model.addAttribute("followUps", admin ? repository.followUps(code) : List.of());
        return "applications/inbox";
    }

    @GetMapping("/staff/centers/{code}/applications/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String staffDetail(@PathVariable String code, @PathVariable long id, Model model, HttpServletRequest request) {
        Caller caller = caller();
        Application a = applications.visible(caller, id);
        if (!a.centerCode().equals(code)) {
            throw ApplicationService.notFound(id);
        }
        detail(model, caller, a, request);
        return "applications/staff-detail";
    }

    @PostMapping("/staff/centers/{code}/applications/{id}/transitions")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String staffAction(@PathVariable String code, @PathVariable long id, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Caller caller = caller();
        return onCase(code, id, request, model, response, "done",
                () -> applications.act(caller, id, step(request.getParameter("action"), request)));
    }

    @PostMapping("/staff/centers/{code}/applications/{id}/materials")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String staffUpload(@PathVariable String code, @PathVariable long id, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Caller caller = caller();
        return onCase(code, id, request, model, response, "uploaded",
                () -> transactions.executeWithoutResult(status -> attach(caller, id, request)));
    }

    /** A staff step on a case of this center; a refusal shows the case again with the error and its status. */
    private String onCase(String code, long id, HttpServletRequest request, Model model, HttpServletResponse response,
            String done, Runnable step) {
        try {
            if (!applications.visible(caller(), id).centerCode().equals(code)) {
                throw ApplicationService.notFound(id);
            }
            step.run();
            return "redirect:/staff/centers/" + code + "/applications/" + id + "?" + done;
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return staffDetail(code, id, model, request);
        }
    }

    @GetMapping("/staff/centers/{code}/applications/{id}/materials/{materialId}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> staffMaterial(@PathVariable String code, @PathVariable long id,
            @PathVariable long materialId) {
        if (!applications.visible(caller(), id).centerCode().equals(code)) {
            throw ApplicationService.notFound(id);
        }
        return file(materials.download(caller(), id, materialId));
    }

    @GetMapping("/staff/centers/{code}/applications/new")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String walkInForm(@PathVariable String code, @RequestParam(required = false) String item,
            @RequestParam Map<String, String> params, Model model) {
        fillWalkIn(model, code, item, params, Map.of(), Map.of());
        return "applications/walk-in";
    }

    @PostMapping("/staff/centers/{code}/applications/new")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String walkIn(@PathVariable String code, @RequestParam String item, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Caller caller = caller();
        Map<String, String> params = single(request.getParameterMap());
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("field.")) {
                values.put(k.substring(6), v);
            }
        });
        try {
            PublishedItem published = applicable(code, item);
            Application created = transactions.execute(status -> {
                Application a = applications.register(caller, code, params.get("residentPhone"),
                        params.get("residentName"), params.get("channel"), "true".equals(params.get("consent")),
                        new ApplicationService.Submission(code, item, values, answers(published, params)));
                attach(caller, a.id(), request);
                return a;
            });
            return "redirect:/staff/centers/" + code + "/applications/" + created.id() + "?registered";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404 && !"CATALOG_ITEM_NOT_FOUND".equals(refusal.code())) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            Map<String, String> strings = new LinkedHashMap<>();
            values.forEach((k, v) -> strings.put(k, String.valueOf(v)));
            model.addAttribute("error", refusal);
            fillWalkIn(model, code, item, params, strings, errors(refusal));
            return "applications/walk-in";
        }
    }

    private void fillWalkIn(Model model, String code, String itemCode, Map<String, String> params,
            Map<String, String> values, Map<String, LinliException.FieldError> errors) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("params", params);
        PublishedItem item = itemCode == null || itemCode.isBlank() ? null
                : catalog.published(code, itemCode).filter(i -> !i.referral()).orElse(null);
        model.addAttribute("item", item);
        Map<String, String> answers = item == null ? Map.of() : answers(item, params);
        model.addAttribute("answers", answers);
        model.addAttribute("materials", item == null ? List.of() : item.materialsFor(answers));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/staff/centers/{code}/follow-ups/{id}/close")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String closeFollowUp(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String note,
            Model model, HttpServletResponse response) {
        String checked;
        try {
            checked = PlainText.check("note", note, 1000);
        } catch (LinliException wrong) {
            checked = null;
        }
        if (checked == null) {
            response.setStatus(400);
            model.addAttribute("error", LinliException.invalidField("note", "FOLLOW_UP_NOTE_REQUIRED"));
            return inbox(code, "", "", "", "1", model);
        }
        if (repository.closeFollowUp(code, id, caller().accountId(), checked) == 0) {
            throw LinliException.notFound("FOLLOW_UP_NOT_FOUND", id);
        }
        return "redirect:/staff/centers/" + code + "/applications?closed";
    }

    // ----- helpers --------------------------------------------------------------------------------

    private void detail(Model model, Caller caller, Application a, HttpServletRequest request) {
        ApplicationService.Viewer viewer = applications.viewer(caller, a);
        boolean staff = viewer == ApplicationService.Viewer.STAFF;
        model.addAttribute("app", a);
        model.addAttribute("center", centers.require(a.centerCode()));
        model.addAttribute("form", applications.form(caller, viewer, a, ClientAddress.of(request)));
        model.addAttribute("labels", catalog.published(a.centerCode(), a.itemCode())
                .map(i -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    i.fields().forEach(f -> labels.put(f.name(), f.label()));
                    return labels;
                }).orElse(Map.of()));
        model.addAttribute("materialList", materials.list(a.id()));
        model.addAttribute("history", applications.history(viewer, a));
        model.addAttribute("allowed", List.of(Action.values()).stream()
                .filter(act -> act.byStaff() == staff && a.allows(act)).map(Enum::name).toList());
        model.addAttribute("closed", a.status().closed());
        model.addAttribute("overdue", a.deadline() != null && !a.status().closed()
                && a.status() != Status.SUPPLEMENT_REQUESTED
                && a.deadline().isBefore(LocalDate.now(RequestTimes.ZONE)));
    }

    private PublishedItem applicable(String code, String itemCode) {
        PublishedItem item = catalog.published(code, itemCode)
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
        if (item.referral()) {
            throw LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode);
        }
        return item;
    }

    private static Map<String, String> answers(PublishedItem item, Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        item.situations().forEach((key, options) -> {
            String v = params.get(key);
            if (v != null && options.contains(v)) {
                answers.put(key, v);
            }
        });
        return answers;
    }

    private static Map<String, String> single(Map<String, String[]> params) {
        Map<String, String> one = new LinkedHashMap<>();
        params.forEach((k, v) -> one.put(k, v.length == 0 ? "" : v[0]));
        return one;
    }

    private static Map<String, LinliException.FieldError> errors(LinliException refusal) {
        Map<String, LinliException.FieldError> errors = new LinkedHashMap<>();
        refusal.fieldErrors().forEach(e -> errors.put(e.field(), e));
        if (refusal.field() != null) {
            errors.put(refusal.field(), new LinliException.FieldError(refusal.field(), refusal.code(), null));
        }
        return errors;
    }

    /** Files of a multipart form: inputs named {@code file.N} with the material's name in {@code material.N}. */
    private void attach(Caller caller, long id, HttpServletRequest request) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return;
        }
        MultiValueMap<String, MultipartFile> files = multipart.getMultiFileMap();
        List<String> keys = new ArrayList<>(files.keySet());
        keys.sort(String::compareTo);
        for (String key : keys) {
            if (!key.startsWith("file.")) {
                continue;
            }
            String name = request.getParameter("material." + key.substring(5));
            for (MultipartFile file : files.get(key)) {
                if (file.isEmpty()) {
                    continue;
                }
                try {
                    materials.add(caller, id, name == null || name.isBlank() ? "其他材料" : name,
                            file.getOriginalFilename(), file.getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static ApplicationService.Step step(String action, HttpServletRequest request) {
        return new ApplicationService.Step(action, request.getParameter("reason"), request.getParameter("note"),
                request.getParameter("upstreamCaseNumber"), request.getParameter("upstreamContact"),
                request.getParameter("result"), request.getParameter("handover"));
    }

    private static Integer stars(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parse(String page) {
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static ResponseEntity<byte[]> file(Materials.Download d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(d.content());
    }
}
