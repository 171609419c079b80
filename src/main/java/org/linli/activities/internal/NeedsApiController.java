package org.linli.activities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 需求调研 and suggestions: what residents want, asked and counted, so activities answer it. */
@RestController
@Tag(name = "Needs", description = "Surveys of a center's residents and residents' activity suggestions")
class NeedsApiController {

    private final Surveys surveys;
    private final Suggestions suggestions;
    private final Centers centers;

    NeedsApiController(Surveys surveys, Suggestions suggestions, Centers centers) {
        this.surveys = surveys;
        this.suggestions = suggestions;
        this.centers = centers;
    }

    record NewSurvey(String title, String intro, List<Surveys.QuestionInput> questions) {
    }

    @PostMapping("/api/v1/centers/{code}/surveys")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Open a survey: 1–10 questions, each SINGLE or MULTIPLE (2–10 options) or TEXT")
    ResponseEntity<Surveys.Survey> create(@PathVariable String code, @RequestBody NewSurvey body,
            Principal principal) {
        long id = surveys.create(code, body.title(), body.intro(), body.questions(), ActorId.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED).body(surveys.find(code, id).orElseThrow());
    }

    @GetMapping("/api/v1/centers/{code}/surveys")
    @Public
    @Operation(summary = "The center's open surveys, with their questions")
    Map<String, Object> open(@PathVariable String code) {
        centers.require(code);
        return Map.of("surveys", surveys.list(code, true));
    }

    record Answers(Map<String, List<String>> answers) {
    }

    @PostMapping("/api/v1/centers/{code}/surveys/{id}/responses")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Answer a survey once (RESIDENT): answers keyed by question position; choices as option "
            + "numbers from 0; a second answer → 409")
    ResponseEntity<Void> answer(@PathVariable String code, @PathVariable long id, @RequestBody Answers body,
            Principal principal) {
        surveys.answer(code, id, Me.of(principal), body == null ? Map.of() : body.answers());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/api/v1/centers/{code}/surveys/{id}/results")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "A survey's answers counted per option, and the latest free-text answers")
    Map<String, Object> results(@PathVariable String code, @PathVariable long id) {
        Surveys.Survey survey = surveys.find(code, id)
                .orElseThrow(() -> LinliException.notFound("SURVEY_NOT_FOUND", id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", survey.id());
        body.put("title", survey.title());
        body.put("status", survey.status());
        body.put("responses", survey.responses());
        body.put("questions", surveys.results(survey));
        return body;
    }

    @PostMapping("/api/v1/centers/{code}/surveys/{id}/close")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Close a survey to further answers")
    ResponseEntity<Void> close(@PathVariable String code, @PathVariable long id) {
        surveys.close(code, id);
        return ResponseEntity.noContent().build();
    }

    record NewSuggestion(String title, String detail, String category) {
    }

    @PostMapping("/api/v1/centers/{code}/suggestions")
    @Access(roles = Role.RESIDENT)
    @Operation(summary = "Suggest an activity to a center (RESIDENT; at most 5 a day)")
    ResponseEntity<Map<String, Object>> suggest(@PathVariable String code, @RequestBody NewSuggestion body,
            Principal principal) {
        long id = suggestions.suggest(code, Me.of(principal), body.title(), body.detail(), body.category());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "status", "NEW"));
    }

    @GetMapping("/api/v1/centers/{code}/suggestions")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Residents' suggestions, open ones first, a page at a time, with counts per category")
    Map<String, Object> list(@PathVariable String code, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        centers.require(code);
        int safeSize = Math.min(Math.max(size, 1), 100);
        int safePage = Math.min(Math.max(page, 1), 10_000);
        return Map.of("suggestions", suggestions.page(code, safeSize, (safePage - 1) * safeSize).stream()
                        .map(s -> Map.of("id", s.id(), "title", s.title(), "detail", s.detail() == null ? "" : s.detail(),
                                "category", s.category() == null ? "" : s.category(), "status", s.status(),
                                "activityId", s.activityId() == null ? 0 : s.activityId(), "createdAt", s.createdAt()))
                        .toList(),
                "byCategory", suggestions.byCategory(code), "total", suggestions.count(code), "page", safePage);
    }

    @PostMapping("/api/v1/centers/{code}/suggestions/{id}/decline")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    @Operation(summary = "Decline a suggestion (an adopted one is adopted by publishing an activity with its "
            + "suggestionId)")
    ResponseEntity<Void> decline(@PathVariable String code, @PathVariable long id) {
        suggestions.decline(code, id);
        return ResponseEntity.noContent().build();
    }
}
