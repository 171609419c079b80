package org.linli.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
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
@Tag(name = "Catalogue", description = "Service items and guides: search, browse, read; the district edits the "
        + "template, centers adopt items and set local details, staff add colloquial words")
class CatalogApiController {

    private final CatalogReader reader;
    private final ItemEditing items;
    private final AdoptionEditing adoptions;
    private final SynonymEditing synonyms;
    private final CatalogRepository repository;

    CatalogApiController(CatalogReader reader, ItemEditing items, AdoptionEditing adoptions, SynonymEditing synonyms,
            CatalogRepository repository) {
        this.reader = reader;
        this.items = items;
        this.adoptions = adoptions;
        this.synonyms = synonyms;
        this.repository = repository;
    }

    // ----- residents (public) ---------------------------------------------------------------------

    @GetMapping("/api/v1/centers/{code}/catalog/search")
    @Public
    @Operation(summary = "Search the center's published items the way residents talk (Chinese, pinyin, initials, "
            + "colloquial names, whole questions); best first, empty when nothing fits")
    Map<String, Object> search(@PathVariable String code, @RequestParam(required = false, defaultValue = "") String q,
            @RequestParam(defaultValue = "10") int limit, Locale locale) {
        return Map.of("items", reader.search(code, q, limit, locale));
    }

    @GetMapping("/api/v1/centers/{code}/catalog/items")
    @Public
    @Operation(summary = "Browse the center's published items, optionally in one category, a page at a time")
    Map<String, Object> browse(@PathVariable String code, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        CatalogReader.Browse browse = reader.browse(code, category, page, size, locale);
        return Map.of("items", browse.items(), "page", browse.page(), "size", browse.size(), "total", browse.total());
    }

    @GetMapping("/api/v1/centers/{code}/catalog/categories")
    @Public
    @Operation(summary = "The categories the center publishes items in, with counts")
    Map<String, Object> categories(@PathVariable String code, Locale locale) {
        return Map.of("categories", reader.categories(code, locale));
    }

    @GetMapping("/api/v1/centers/{code}/catalog/items/{itemCode}")
    @Public
    @Operation(summary = "The whole guide as the center publishes it, with the application form (fields) and time "
            + "limit. Answers to the guide's situations (case, applicant, household, loss) as parameters add "
            + "materialsForSituation: only the materials for that case")
    Map<String, Object> item(@PathVariable String code, @PathVariable String itemCode,
            @RequestParam Map<String, String> params, Locale locale) {
        CatalogReader.GuideView guide = reader.guide(code, itemCode, locale);
        Map<String, String> answers = params.entrySet().stream()
                .filter(e -> guide.situations().stream()
                        .anyMatch(q -> q.key().equals(e.getKey()) && q.answers().contains(e.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Object> body = new java.util.LinkedHashMap<>(Views.guide(guide));
        if (!answers.isEmpty()) {
            body.put("materialsForSituation", guide.materialsFor(answers));
        }
        return body;
    }

    // ----- the district template ------------------------------------------------------------------

    @GetMapping("/api/v1/catalog/template")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The district template's items, published or not, with what each guide still misses")
    Map<String, Object> template() {
        return Map.of("items", repository.items().stream().filter(i -> !i.local()).map(Views::editorSummary).toList());
    }

    @GetMapping("/api/v1/catalog/template/{itemCode}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "One template item as the editor sees it, with its version for the next update")
    Map<String, Object> templateItem(@PathVariable String itemCode) {
        return Views.editor(repository.item(itemCode).filter(i -> !i.local())
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode)));
    }

    @PostMapping("/api/v1/catalog/template")
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Add a template item (unpublished until its guide is complete and it is published)")
    ResponseEntity<Map<String, Object>> createTemplateItem(@RequestBody ItemInput body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Views.editor(items.createTemplateItem(body, ActorId.of(principal))));
    }

    @PutMapping("/api/v1/catalog/template/{itemCode}")
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Replace a template item's name, category, kind and guide; send the version you read")
    Map<String, Object> updateTemplateItem(@PathVariable String itemCode, @RequestBody ItemInput body,
            Principal principal) {
        return Views.editor(items.update(null, itemCode, body, ActorId.of(principal)));
    }

    record Publication(Boolean published) {
    }

    @PostMapping("/api/v1/catalog/template/{itemCode}/publication")
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Publish a template item for adoption (refused, naming the missing guide parts, when "
            + "incomplete) or withdraw it")
    Map<String, Object> publishTemplateItem(@PathVariable String itemCode, @RequestBody Publication body,
            Principal principal) {
        return Views.editor(items.publish(null, itemCode, required(body), ActorId.of(principal)));
    }

    // ----- a center's adoptions and local items ----------------------------------------------------

    @GetMapping("/api/v1/centers/{code}/catalog/adoptions")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The items the center adopted, with kind, publication and local details")
    Map<String, Object> adoptions(@PathVariable String code) {
        return Map.of("adoptions", repository.adoptions(code));
    }

    @PutMapping("/api/v1/centers/{code}/catalog/adoptions/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Adopt an item or change the adoption: kind (GOVERNMENT or PROXY), published, window, "
            + "phone, hours, staff contact")
    Adoption adopt(@PathVariable String code, @PathVariable String itemCode,
            @RequestBody AdoptionEditing.AdoptionInput body) {
        return adoptions.save(code, itemCode, body);
    }

    @DeleteMapping("/api/v1/centers/{code}/catalog/adoptions/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Stop offering a template item at this center")
    ResponseEntity<Void> drop(@PathVariable String code, @PathVariable String itemCode) {
        adoptions.withdraw(code, itemCode);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/centers/{code}/catalog/local-items")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Add an item of the center's own (its code is given: L-0001…)")
    ResponseEntity<Map<String, Object>> createLocal(@PathVariable String code, @RequestBody ItemInput body,
            Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Views.editor(items.createLocalItem(code, body, ActorId.of(principal))));
    }

    @PutMapping("/api/v1/centers/{code}/catalog/local-items/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Replace one of the center's own items")
    Map<String, Object> updateLocal(@PathVariable String code, @PathVariable String itemCode,
            @RequestBody ItemInput body, Principal principal) {
        return Views.editor(items.update(code, itemCode, body, ActorId.of(principal)));
    }

    @PostMapping("/api/v1/centers/{code}/catalog/local-items/{itemCode}/publication")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Publish or withdraw one of the center's own items")
    Map<String, Object> publishLocal(@PathVariable String code, @PathVariable String itemCode,
            @RequestBody Publication body, Principal principal) {
        return Views.editor(items.publish(code, itemCode, required(body), ActorId.of(principal)));
    }

    // ----- colloquial words -----------------------------------------------------------------------

    @GetMapping("/api/v1/catalog/synonyms")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "The colloquial words search knows (shipped and added by staff)")
    Map<String, Object> synonyms() {
        return Map.of("synonyms", synonyms.all());
    }

    record NewSynonym(String colloquial, String official) {
    }

    @PostMapping("/api/v1/catalog/synonyms")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Teach search a colloquial word for an official term; it applies within seconds")
    ResponseEntity<Map<String, Object>> addSynonym(@RequestBody NewSynonym body, Principal principal) {
        synonyms.add(body.colloquial(), body.official(), ActorId.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("colloquial", body.colloquial().trim(), "official", body.official().trim()));
    }

    @DeleteMapping("/api/v1/catalog/synonyms/{id}")
    @Access(roles = Role.DISTRICT_ADMIN)
    @Operation(summary = "Remove a colloquial word")
    ResponseEntity<Void> deleteSynonym(@PathVariable long id) {
        synonyms.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static boolean required(Publication body) {
        if (body == null || body.published() == null) {
            throw LinliException.invalidField("published", "PUBLISHED_REQUIRED");
        }
        return body.published();
    }
}
