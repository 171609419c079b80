package org.linli.activities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Paging;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.linli.residents.HouseholdDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff publish activities and check people in at the door (by the list, searchable by phone). */
@Controller
class StaffActivityPageController {

    private final ActivityPublishing publishing;
    private final ActivityRepository repository;
    private final Registrations registrations;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final Spaces spaces;
    private final Suggestions suggestions;
    private final HouseholdDirectory households;

    StaffActivityPageController(ActivityPublishing publishing, ActivityRepository repository,
            Registrations registrations, Centers centers, AccountDirectory accounts, Spaces spaces,
            Suggestions suggestions, HouseholdDirectory households) {
        this.publishing = publishing;
        this.repository = repository;
        this.registrations = registrations;
        this.centers = centers;
        this.accounts = accounts;
        this.spaces = spaces;
        this.suggestions = suggestions;
        this.households = households;
    }

    @GetMapping("/staff/centers/{code}/activities")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String list(@PathVariable String code, @RequestParam(required = false) Long suggestion,
            @RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("center", centers.require(code));
        ActivityRepository.Filter filter = new ActivityRepository.Filter(List.of(code), "",
                OffsetDateTime.now(RequestTimes.ZONE).minusDays(30));
        int size = 20;
        int pages = Paging.pages(repository.countUpcoming(filter), size);
        int current = Paging.page(page, pages);
        model.addAttribute("activities", repository.upcoming(filter, size, (current - 1) * size));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("categories", java.util.Arrays.stream(Activity.Category.values()).map(Enum::name).toList());
        model.addAttribute("spaces", spaces.of(code));
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            // turning a resident's suggestion into an activity starts from what they wrote
            if (suggestion != null) {
                suggestions.find(code, suggestion).filter(Suggestions.Suggestion::open).ifPresent(s -> {
                    form.put("title", s.title());
                    form.put("description", s.detail() == null ? "" : s.detail());
                    form.put("category", s.category() == null ? "" : s.category());
                    form.put("suggestionId", String.valueOf(s.id()));
                });
            }
            model.addAttribute("form", form);
        }
        return "activities/staff-list";
    }

    @PostMapping("/staff/centers/{code}/activities")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String publish(@PathVariable String code, @RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        try {
            String suggestionId = form.get("suggestionId");
            Activity a = publishing.publish(code, new ActivityPublishing.NewActivity(form.get("title"),
                    form.get("category"), form.get("description"), form.get("startsAt"), form.get("endsAt"),
                    integer(form.get("capacity")), blankToNull(form.get("spaceCode")), blankToNull(form.get("streamUrl")),
                    null, form.get("registrationClosesAt"), integer(form.get("minAge")), integer(form.get("maxAge")),
                    "on".equals(form.get("familyRegistration")), integer(form.get("repeatWeeks")),
                    integer(form.get("volunteersNeeded")),
                    suggestionId == null || !suggestionId.matches("\\d{1,18}") ? null : Long.valueOf(suggestionId)),
                    ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/activities/" + a.id() + "?published";
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            model.addAttribute("form", form);
            return list(code, null, "1", model);
        }
    }

    @GetMapping("/staff/centers/{code}/activities/{id}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String attendance(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") String page, Model model) {
        return attendance(code, id, q, "", page, model);
    }

    /** The list at the door; a door code (from the resident's QR code, or typed) narrows it to that person. */
    @GetMapping(value = "/staff/centers/{code}/activities/{id}", params = "code")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String scanned(@PathVariable String code, @PathVariable long id, @RequestParam("code") String doorCode,
            Model model, HttpServletResponse response) {
        own(code, id);
        if (registrations.byCode(id, doorCode).isEmpty()) {
            response.setStatus(404);
            model.addAttribute("error", LinliException.notFound("CHECK_IN_CODE_UNKNOWN"));
            return attendance(code, id, "", "", "1", model);
        }
        return attendance(code, id, "", doorCode, "1", model);
    }

    private String attendance(String code, long id, String q, String doorCode, String page, Model model) {
        Activity a = own(code, id);
        String digits = q.replaceAll("\\D", "");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Registrations.Attendee> all = registrations.attendees(id);
        var contacts = accounts.contacts(all.stream().map(Registrations.Attendee::accountId).toList());
        Map<Long, String> members = households.maskedNames(all.stream().map(Registrations.Attendee::personId)
                .filter(java.util.Objects::nonNull).toList());
        for (Registrations.Attendee attendee : all) {
            var contact = contacts.get(attendee.accountId());
            String phone = contact == null || contact.phone() == null ? "" : contact.phone();
            if (!digits.isEmpty() && !phone.endsWith(digits)) {
                continue;
            }
            if (!doorCode.isBlank() && !doorCode.strip().equalsIgnoreCase(String.valueOf(attendee.checkInCode()))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("attendee", attendee);
            row.put("name", attendee.personId() != null ? members.getOrDefault(attendee.personId(), "—")
                    : mask(contact == null ? null : contact.displayName()));
            row.put("member", attendee.personId() != null);
            row.put("phone", phone.isEmpty() ? "" : new PhoneNumber(phone).masked());
            rows.add(row);
        }
        model.addAttribute("center", centers.require(code));
        model.addAttribute("activity", a);
        int size = 50;
        int pages = Paging.pages(rows.size(), size);
        int current = Paging.page(page, pages);
        model.addAttribute("rows", rows.subList((current - 1) * size, Math.min(rows.size(), current * size)));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("q", digits);
        model.addAttribute("checkedIn", all.stream().filter(x -> x.checkedInAt() != null).count());
        return "activities/attendance";
    }

    @PostMapping("/staff/centers/{code}/activities/{id}/check-in/{registrationId}")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String checkIn(@PathVariable String code, @PathVariable long id, @PathVariable long registrationId,
            Principal principal, Model model, HttpServletResponse response) {
        own(code, id);
        try {
            registrations.checkIn(id, registrationId, ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/activities/" + id + "?checkedIn";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return attendance(code, id, "", "1", model);
        }
    }

    @PostMapping("/staff/centers/{code}/activities/{id}/walk-in")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String walkIn(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String phone,
            Principal principal, Model model, HttpServletResponse response) {
        own(code, id);
        try {
            PhoneNumber number = PhoneNumber.parseOrNull(phone);
            if (number == null) {
                throw LinliException.invalidField("phone", "PHONE_INVALID");
            }
            if (!registrations.hasRoom(id)) {
                throw LinliException.conflict("ACTIVITY_FULL", own(code, id).title());
            }
            registrations.walkIn(id, accounts.ensureResident(number, null), ActorId.of(principal));
            return "redirect:/staff/centers/" + code + "/activities/" + id + "?walkIn";
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return attendance(code, id, "", "1", model);
        }
    }

    private Activity own(String code, long id) {
        return repository.find(id).filter(a -> a.centerCode().equals(code))
                .orElseThrow(() -> LinliException.notFound("ACTIVITY_NOT_FOUND", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "—";
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.min(2, rest));
    }
}
