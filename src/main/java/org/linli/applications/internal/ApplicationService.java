package org.linli.applications.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.applications.ApplicationStatusChanged;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.calendar.OfficialCalendar;
import org.linli.catalog.Catalog;
import org.linli.catalog.PublishedItem;
import org.linli.catalog.TimeLimit;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.identity.Caller;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.linli.platform.SensitiveData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The use cases of applications: submit, act on, supplement, withdraw, rate, read; materials. */
@Service
class ApplicationService implements Application.Deadlines {

    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN,
            Role.DISTRICT_ADMIN);

    private final ApplicationRepository repository;
    private final Catalog catalog;
    private final OfficialCalendar calendar;
    private final Centers centers;
    private final SensitiveData crypto;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final AccountDirectory accounts;
    private final AuditLog audit;

    ApplicationService(ApplicationRepository repository, Catalog catalog, OfficialCalendar calendar, Centers centers,
            SensitiveData crypto, JsonMapper json, ApplicationEventPublisher events, AccountDirectory accounts,
            AuditLog audit) {
        this.repository = repository;
        this.catalog = catalog;
        this.calendar = calendar;
        this.centers = centers;
        this.crypto = crypto;
        this.json = json;
        this.events = events;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Who is looking at an application: its applicant, or staff of its center (or above). */
    enum Viewer {
        APPLICANT, STAFF
    }

    record Submission(String centerCode, String itemCode, Map<String, Object> fields, Map<String, String> answers) {
    }

    /** A resident applies for themself, online. */
    @Transactional
    Application submit(Caller caller, Submission s) {
        if (s.centerCode() != null && centers.find(s.centerCode()).isPresent() && !caller.covers(centers.path(
                centers.require(s.centerCode())).stream().map(c -> c.code().value()).toList(), EnumSet.of(Role.RESIDENT))) {
            throw LinliException.forbidden("RESIDENTS_APPLY");
        }
        return create(caller.accountId(), null, "ONLINE", null, s);
    }

    /** Staff register an application for a resident at the window or by phone (帮办), with consent. */
    @Transactional
    Application register(Caller staff, String centerCode, String residentPhone, String residentName, String channel,
            boolean consent, Submission s) {
        if (!staffOf(staff, centerCode)) {
            throw LinliException.forbidden("FORBIDDEN");
        }
        PhoneNumber phone = PhoneNumber.parseOrNull(residentPhone);
        if (phone == null) {
            throw LinliException.invalidField("residentPhone", "PHONE_INVALID");
        }
        if (!consent) {
            throw LinliException.invalidField("consent", "CONSENT_REQUIRED");
        }
        String way = channel == null || channel.isBlank() ? "WINDOW" : channel;
        if (!way.equals("WINDOW") && !way.equals("PHONE")) {
            throw LinliException.invalidField("channel", "CHANNEL_UNKNOWN", way);
        }
        long applicant = accounts.ensureResident(phone, PlainText.check("residentName", residentName, 60));
        return create(applicant, staff.accountId(), way, OffsetDateTime.now(ZoneOffset.UTC),
                new Submission(centerCode, s.itemCode(), s.fields(), s.answers()));
    }

    /**
     * A visitor registers an application at the resident's home (channel HOME_VISIT); the home-visit
     * module has checked the visit is theirs and captured the resident's confirmation.
     */
    @Transactional
    Application registerAtHome(long visitor, long applicant, Submission s) {
        return create(applicant, visitor, "HOME_VISIT", OffsetDateTime.now(ZoneOffset.UTC), s);
    }

    private Application create(long applicant, Long registeredBy, String channel, OffsetDateTime consentAt,
            Submission s) {
        if (s.centerCode() == null || centers.find(s.centerCode()).isEmpty()) {
            throw LinliException.notFound("CENTER_NOT_FOUND", s.centerCode());
        }
        PublishedItem item = catalog.published(s.centerCode(), s.itemCode())
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", s.itemCode()));
        if (item.referral()) {
            throw LinliException.conflict("ITEM_IS_REFERRAL", item.name());
        }
        Map<String, String> values = FormValidation.validate(item.fields(), s.fields());
        Map<String, String> answers = new LinkedHashMap<>();
        if (s.answers() != null) {
            item.situations().forEach((question, options) -> {
                String v = s.answers().get(question);
                if (v != null && options.contains(v)) {
                    answers.put(question, v);
                }
            });
        }
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        Application draft = new Application(0, repository.nextNumber(today), s.centerCode(), item.code(), item.name(),
                item.kind(), applicant, registeredBy, channel, Status.SUBMITTED, answers, item.timeLimit(), null, null,
                null, null, null, null, null, null, null, null, null, null, 0);
        long id = repository.insert(draft, crypto.seal(json.writeValueAsString(values)), consentAt);
        Application created = repository.find(id).orElseThrow();
        record(created, registeredBy != null ? registeredBy : applicant, registeredBy != null ? "STAFF" : "RESIDENT",
                "SUBMIT", null, Status.SUBMITTED,
                registeredBy != null ? "帮办登记（" + switch (channel) {
                    case "PHONE" -> "电话";
                    case "HOME_VISIT" -> "上门服务";
                    default -> "窗口";
                } + "），已取得本人同意" : null,
                null);
        return created;
    }

    record Step(String action, String reason, String note, String upstreamCaseNumber, String upstreamContact,
            String result, String handover) {
    }

    /** One step by staff or the applicant; the row is locked, so concurrent steps are serialised. */
    @Transactional
    Application act(Caller caller, long id, Step step) {
        Action action;
        try {
            action = Action.valueOf(step.action() == null ? "" : step.action());
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("action", "ACTION_UNKNOWN", step.action());
        }
        Application current = repository.lock(id).orElseThrow(() -> notFound(id));
        Viewer viewer = viewer(caller, current);
        if (action.byStaff() && viewer != Viewer.STAFF) {
            throw LinliException.forbidden("STAFF_ACTION");
        }
        if (!action.byStaff() && viewer != Viewer.APPLICANT) {
            throw LinliException.forbidden("APPLICANT_ACTION");
        }
        String note = PlainText.check("note", step.note(), 1000);
        String given = PlainText.check("reason", step.reason(), 1000);
        if (action.byStaff() && current.applicantId() == caller.accountId()) {
            throw LinliException.forbidden("OWN_APPLICATION");
        }
        OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
        Application next = switch (action) {
            case ACCEPT -> current.accept(now, this);
            case REQUEST_SUPPLEMENT -> current.requestSupplement(now, given);
            case REFUSE -> current.refuse(given);
            case FORWARD -> current.forward(PlainText.check("upstreamCaseNumber", step.upstreamCaseNumber(), 60),
                    PlainText.check("upstreamContact", step.upstreamContact(), 120));
            case RECORD_RESULT -> current.recordResult(PlainText.check("result", step.result(), 1000));
            case COMPLETE -> current.complete(now, step.handover());
            case SUPPLEMENT -> {
                if (!repository.materialSince(id, current.pausedSince())) {
                    throw LinliException.conflict("SUPPLEMENT_WITHOUT_MATERIAL", current.number());
                }
                yield current.supplement(now, this);
            }
            case WITHDRAW -> current.withdraw();
        };
        repository.update(next);
        String reason = switch (action) {
            case REQUEST_SUPPLEMENT -> next.supplementRequest();
            case REFUSE, WITHDRAW, SUPPLEMENT -> given;
            case RECORD_RESULT -> next.upstreamResult();
            case COMPLETE -> next.handover();
            default -> null;
        };
        record(next, caller.accountId(), viewer == Viewer.STAFF ? "STAFF" : "RESIDENT", action.name(), current.status(),
                next.status(), reason, viewer == Viewer.STAFF ? note : null);
        return repository.find(id).orElseThrow();
    }

    @Transactional
    Application rate(Caller caller, long id, Integer stars, String comment) {
        Application current = repository.lock(id).orElseThrow(() -> notFound(id));
        if (viewer(caller, current) != Viewer.APPLICANT) {
            throw LinliException.forbidden("APPLICANT_ACTION");
        }
        if (stars == null) {
            throw LinliException.invalidField("stars", "RATING_OUT_OF_RANGE", 1, 5);
        }
        Application rated = current.rate(stars, PlainText.check("comment", comment, 500));
        repository.update(rated);
        long eventId = repository.addEvent(id, caller.accountId(), "RESIDENT", "RATE", current.status(),
                current.status(), stars + "★" + (rated.ratingComment() == null ? "" : " " + rated.ratingComment()), null);
        events.publishEvent(new org.linli.applications.ApplicationRated(eventId, id, current.centerCode(), stars,
                repository.eventTime(eventId)));
        if (stars <= 2) {
            repository.openFollowUp(id, current.centerCode());
        }
        return rated;
    }

    /** The application if the caller may see it (its applicant, or staff of its center or above), else 404. */
    Application visible(Caller caller, long id) {
        Application a = repository.find(id).orElseThrow(() -> notFound(id));
        viewer(caller, a);
        return a;
    }

    /** The applicant sees their own application as its applicant, even when they work at the center. */
    Viewer viewer(Caller caller, Application a) {
        if (caller != null && a.applicantId() == caller.accountId()) {
            return Viewer.APPLICANT;
        }
        if (caller != null && staffOf(caller, a.centerCode())) {
            return Viewer.STAFF;
        }
        throw notFound(a.id());
    }

    boolean staffOf(Caller caller, String centerCode) {
        return centers.find(centerCode).map(c -> caller.covers(centers.path(c).stream().map(x -> x.code().value())
                .toList(), STAFF_ROLES)).orElse(false);
    }

    /** The form's values for a viewer already decided; a staff member's look is written to the audit log. */
    Map<String, String> form(Caller caller, Viewer viewer, Application a, String clientIp) {
        if (viewer == Viewer.STAFF) {
            audit.record(new AuditEvent(caller.accountId(), null, "APPLICATION_FORM_VIEWED", a.number(), a.centerCode(),
                    clientIp, null));
        }
        return json.readValue(crypto.open(repository.formSealed(a.id())), new TypeReference<Map<String, String>>() {
        });
    }

    List<ApplicationRepository.Event> history(Viewer viewer, Application a) {
        List<ApplicationRepository.Event> events = repository.events(a.id());
        if (viewer == Viewer.STAFF) {
            return events;
        }
        return events.stream().map(e -> new ApplicationRepository.Event(e.id(), e.at(), null, e.actorKind(), e.action(),
                e.fromStatus(), e.toStatus(), e.reason(), null)).toList();
    }

    private void record(Application a, Long actor, String actorKind, String action, Status from, Status to,
            String reason, String note) {
        long eventId = repository.addEvent(a.id(), actor, actorKind, action, from, to, reason, note);
        Application now = repository.find(a.id()).orElse(a);
        events.publishEvent(new ApplicationStatusChanged(eventId, a.id(), a.number(), a.applicantId(), a.centerCode(),
                a.itemName(), to.name(), action, reason, a.itemCode(), a.channel(), now.deadline(),
                repository.eventTime(eventId)));
    }

    static LinliException notFound(long id) {
        return LinliException.notFound("APPLICATION_NOT_FOUND", id);
    }

    // ----- deadlines ------------------------------------------------------------------------------

    @Override
    public LocalDate deadline(LocalDate from, TimeLimit limit) {
        return switch (limit.unit()) {
            case ON_THE_SPOT -> from;
            case CALENDAR_DAYS -> from.plusDays(limit.value());
            case WORKING_DAYS -> calendar.addWorkingDays(from, limit.value()).date();
        };
    }

    @Override
    public LocalDate extend(LocalDate deadline, TimeLimit limit, LocalDate pausedOn, LocalDate resumedOn) {
        if (!resumedOn.isAfter(pausedOn) || !pausedOn.isBefore(deadline)) {
            // answered the same day, or the clock had run out before the pause: the deadline stays
            return deadline;
        }
        return switch (limit.unit()) {
            case ON_THE_SPOT -> resumedOn.isAfter(deadline) ? resumedOn : deadline;
            case CALENDAR_DAYS -> deadline.plusDays(resumedOn.toEpochDay() - pausedOn.toEpochDay());
            case WORKING_DAYS -> calendar.addWorkingDays(deadline, workingDaysBetween(pausedOn, resumedOn)).date();
        };
    }

    /** Working days after {@code from} up to and including {@code to}. */
    private int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (var day : calendar.days(from.plusDays(1), to).values()) {
            if (day.dayKind().working()) {
                n++;
            }
        }
        return n;
    }
}
