package org.linli.residents.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ClientAddress;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A resident's own pages: real-name details (masked), household, who looked, my data and erasure. */
@Controller
@Access
class MyDetailsPageController {

    private final Callers callers;
    private final PersonRepository persons;
    private final RealNameDetails details;
    private final Households households;
    private final PersonalData personalData;
    private final Centers centers;

    MyDetailsPageController(Callers callers, PersonRepository persons, RealNameDetails details, Households households,
            PersonalData personalData, Centers centers) {
        this.callers = callers;
        this.persons = persons;
        this.details = details;
        this.households = households;
        this.personalData = personalData;
        this.centers = centers;
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    @GetMapping("/me/details")
    String page(Model model) {
        long me = me();
        var person = persons.findByAccount(me).filter(p -> p.idNumber() != null).orElse(null);
        model.addAttribute("person", person == null ? null : MyDetailsApiController.MaskedDetails.of(person));
        model.addAttribute("members", households.members(me));
        model.addAttribute("consents", persons.consentsGivenBy(me));
        model.addAttribute("looks", person == null ? java.util.List.of()
                : personalData.whoLooked(person.id()).stream().map(MyDetailsApiController::look).toList());
        model.addAttribute("communities", centers.all().stream().filter(c -> c.level() == CenterLevel.COMMUNITY).toList());
        return "residents/details";
    }

    /** The web session's way to the data export (the API needs a bearer token). */
    @GetMapping(value = "/me/personal-data", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<java.util.Map<String, Object>> export() {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"linli-my-data.json\"")
                .body(personalData.export(me()));
    }

    @PostMapping("/me/details")
    String save(@RequestParam(required = false) String realName, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String address, @RequestParam(required = false) String homeCenterCode,
            Model model, HttpServletResponse response) {
        return act(model, response, () -> details.record(me(),
                new RealNameDetails.Command(realName, idNumber, address, homeCenterCode)));
    }

    @PostMapping("/me/household/children")
    String child(@RequestParam(required = false) String realName, @RequestParam(required = false) String idNumber,
            Model model, HttpServletResponse response) {
        return act(model, response, () -> households.addChild(me(), realName, idNumber));
    }

    @PostMapping("/me/household/relatives")
    String relative(@RequestParam(required = false) String phone, @RequestParam(required = false) String relation,
            Model model, HttpServletResponse response) {
        return act(model, response, () -> {
            households.requestParentLink(me(), phone, relation);
            return null;
        });
    }

    @PostMapping("/me/household/requests/{linkId}")
    String decide(@PathVariable long linkId, @RequestParam boolean accept, Model model, HttpServletResponse response) {
        return act(model, response, () -> {
            households.decide(me(), linkId, accept);
            return null;
        });
    }

    @PostMapping("/me/consents/{consentId}/withdraw")
    String withdraw(@PathVariable long consentId, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        return act(model, response, () -> {
            personalData.withdrawConsent(me(), consentId, ClientAddress.of(request));
            return null;
        });
    }

    @PostMapping("/me/erase")
    String erase(@RequestParam(required = false) String confirm, HttpServletRequest request, Model model,
            HttpServletResponse response) throws Exception {
        if (!"ERASE".equals(confirm) && !"注销".equals(confirm)) {
            return act(model, response, () -> {
                throw LinliException.invalidField("confirm", "ERASE_CONFIRMATION_REQUIRED");
            });
        }
        personalData.erase(me(), ClientAddress.of(request));
        request.logout();
        return "redirect:/login?erased";
    }

    private String act(Model model, HttpServletResponse response, Supplier<Object> action) {
        try {
            action.get();
            return "redirect:/me/details?saved";
        } catch (LinliException refusal) {
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return page(model);
        }
    }
}
