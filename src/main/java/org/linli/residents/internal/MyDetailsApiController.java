package org.linli.residents.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.linli.audit.AuditLog;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Access
@Tag(name = "My details", description = "Real-name details, household, who looked, my data")
class MyDetailsApiController {

    private final Callers callers;
    private final RealNameDetails details;
    private final PersonRepository persons;
    private final Households households;
    private final PersonalData personalData;

    MyDetailsApiController(Callers callers, RealNameDetails details, PersonRepository persons, Households households,
            PersonalData personalData) {
        this.callers = callers;
        this.details = details;
        this.persons = persons;
        this.households = households;
        this.personalData = personalData;
    }

    /**
     * Masked on every screen, also one's own: the full number is only in the data export. Staff see
     * the address masked and only the birth year (the full date would give away the masked digits).
     */
    record MaskedDetails(long personId, String realName, String idNumber, String address, String birthDate,
            String sex, String homeCenterCode) {
        static MaskedDetails of(Person p) {
            return new MaskedDetails(p.id(), p.maskedName(), p.maskedIdNumber(), p.address(),
                    p.birthDate() == null ? null : p.birthDate().toString(), p.sex(), p.homeCenterCode());
        }

        static MaskedDetails forStaff(Person p) {
            MaskedDetails own = of(p);
            String address = p.address() == null ? null
                    : p.address().substring(0, Math.min(6, p.address().length())) + "****";
            String birthYear = p.birthDate() == null ? null : String.valueOf(p.birthDate().getYear());
            return new MaskedDetails(own.personId(), own.realName(), own.idNumber(), address, birthYear,
                    own.sex(), own.homeCenterCode());
        }
    }

    record NewChild(String realName, String idNumber) {
    }

    record LinkRequest(String phone, String relation) {
    }

    record Decision(Boolean accept) {
    }

    record Look(OffsetDateTime at, String staffName, String centerCode, String reason) {
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    @GetMapping("/real-name")
    @Operation(summary = "My real-name details, masked")
    MaskedDetails get() {
        return persons.findByAccount(me()).filter(p -> p.idNumber() != null).map(MaskedDetails::of)
                .orElseThrow(() -> LinliException.notFound("REAL_NAME_NOT_FOUND"));
    }

    @PutMapping("/real-name")
    @Operation(summary = "Record or correct my real-name details (14 or older)")
    MaskedDetails put(@RequestBody RealNameDetails.Command command) {
        return MaskedDetails.of(details.record(me(), command));
    }

    @GetMapping("/household")
    @Operation(summary = "The members of my household, and requests to join someone's")
    Map<String, List<Households.Member>> household() {
        return Map.of("members", households.members(me()));
    }

    @PostMapping("/household/children")
    @Operation(summary = "Register my minor child (records my consent as guardian)")
    ResponseEntity<Households.Member> child(@RequestBody NewChild body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(households.addChild(me(), body.realName(), body.idNumber()));
    }

    @PostMapping("/household/relatives")
    @Operation(summary = "Ask an elderly parent (by their phone) to join my household; they must accept")
    ResponseEntity<Void> relative(@RequestBody LinkRequest body) {
        households.requestParentLink(me(), body.phone(), body.relation());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/household/requests/{linkId}")
    @Operation(summary = "Accept or decline a request to join a household (accepting records consent)")
    ResponseEntity<Void> decide(@PathVariable long linkId, @RequestBody Decision body) {
        if (body.accept() == null) {
            throw LinliException.invalidField("accept", "DECISION_REQUIRED");
        }
        households.decide(me(), linkId, body.accept());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/consents")
    @Operation(summary = "The consents I gave: what for, when, and whether withdrawn")
    Map<String, List<PersonRepository.GivenConsent>> consents() {
        return Map.of("consents", persons.consentsGivenBy(me()));
    }

    @PostMapping("/consents/{consentId}/withdraw")
    @Operation(summary = "Withdraw a consent: a household link ends; a child's record registered as guardian is erased")
    ResponseEntity<Void> withdraw(@PathVariable long consentId, HttpServletRequest request) {
        personalData.withdrawConsent(me(), consentId, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/access-log")
    @Operation(summary = "Who looked at my full ID number, when and why")
    Map<String, List<Look>> accessLog() {
        List<Look> looks = persons.findByAccount(me())
                .map(p -> personalData.whoLooked(p.id()).stream().map(MyDetailsApiController::look).toList())
                .orElse(List.of());
        return Map.of("entries", looks);
    }

    @GetMapping(value = "/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everything Linli holds about me, as a JSON download")
    ResponseEntity<Map<String, Object>> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linli-my-data.json\"")
                .body(personalData.export(me()));
    }

    @DeleteMapping
    @Operation(summary = "Erase me: personal fields removed, anonymised statistics kept, account closed")
    ResponseEntity<Void> erase(HttpServletRequest request) {
        personalData.erase(me(), ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    static Look look(AuditLog.Entry entry) {
        return new Look(entry.at(), entry.actorLabel(), entry.centerCode(), entry.detail());
    }
}
