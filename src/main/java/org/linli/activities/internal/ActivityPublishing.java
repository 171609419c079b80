package org.linli.activities.internal;

import java.time.OffsetDateTime;
import org.linli.activities.ActivityPublished;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff publish an activity; every field is checked before anything is written. */
@Service
class ActivityPublishing {

    private final ActivityRepository repository;
    private final Centers centers;
    private final Spaces spaces;
    private final Suggestions suggestions;
    private final ApplicationEventPublisher events;

    ActivityPublishing(ActivityRepository repository, Centers centers, Spaces spaces, Suggestions suggestions,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.centers = centers;
        this.spaces = spaces;
        this.suggestions = suggestions;
        this.events = events;
    }

    record NewActivity(String title, String category, String description, String startsAt, String endsAt,
            Integer capacity, String spaceCode, String streamUrl, String registrationOpensAt,
            String registrationClosesAt, Integer minAge, Integer maxAge, Boolean familyRegistration,
            Integer repeatWeeks, Integer volunteersNeeded, Long suggestionId) {

        NewActivity(String title, String category, String description, String startsAt, String endsAt,
                Integer capacity, String spaceCode, String streamUrl, String registrationOpensAt,
                String registrationClosesAt, Integer minAge, Integer maxAge) {
            this(title, category, description, startsAt, endsAt, capacity, spaceCode, streamUrl, registrationOpensAt,
                    registrationClosesAt, minAge, maxAge, null, null, null, null);
        }
    }

    @Transactional
    Activity publish(String centerCode, NewActivity in, Long actor) {
        centers.require(centerCode);
        String title = PlainText.check("title", in.title(), 100);
        if (title == null) {
            throw LinliException.invalidField("title", "ACTIVITY_TITLE_REQUIRED");
        }
        String category;
        try {
            category = Activity.Category.valueOf(in.category() == null ? "" : in.category()).name();
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("category", "ACTIVITY_CATEGORY_UNKNOWN", in.category());
        }
        OffsetDateTime startsAt = required("startsAt", in.startsAt());
        OffsetDateTime endsAt = required("endsAt", in.endsAt());
        if (!endsAt.isAfter(startsAt)) {
            throw LinliException.invalidField("endsAt", "ACTIVITY_ENDS_BEFORE_START");
        }
        if (in.capacity() == null || in.capacity() < 1 || in.capacity() > 10_000) {
            throw LinliException.invalidField("capacity", "ACTIVITY_CAPACITY_RANGE", 1, 10_000);
        }
        OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
        OffsetDateTime opens = in.registrationOpensAt() == null || in.registrationOpensAt().isBlank() ? now
                : RequestTimes.moment("registrationOpensAt", in.registrationOpensAt());
        OffsetDateTime closes = in.registrationClosesAt() == null || in.registrationClosesAt().isBlank() ? startsAt
                : RequestTimes.moment("registrationClosesAt", in.registrationClosesAt());
        if (!closes.isAfter(opens)) {
            throw LinliException.invalidField("registrationClosesAt", "REGISTRATION_WINDOW_EMPTY");
        }
        if ((in.minAge() != null && (in.minAge() < 0 || in.minAge() > 120))
                || (in.maxAge() != null && (in.maxAge() < 0 || in.maxAge() > 120))
                || (in.minAge() != null && in.maxAge() != null && in.minAge() > in.maxAge())) {
            throw LinliException.invalidField("minAge", "ACTIVITY_AGE_RANGE");
        }
        String space = PlainText.check("spaceCode", in.spaceCode(), 40);
        if (space != null && !space.matches("[a-z][a-z0-9-]{1,39}")) {
            throw LinliException.invalidField("spaceCode", "SPACE_CODE_INVALID");
        }
        String stream = PlainText.check("streamUrl", in.streamUrl(), 300);
        if (stream != null && !stream.matches("https://\\S+")) {
            throw LinliException.invalidField("streamUrl", "STREAM_URL_INVALID");
        }
        int weeks = in.repeatWeeks() == null ? 1 : in.repeatWeeks();
        if (weeks < 1 || weeks > 26) {
            throw LinliException.invalidField("repeatWeeks", "ACTIVITY_REPEAT_RANGE", 1, 26);
        }
        int volunteers = in.volunteersNeeded() == null ? 0 : in.volunteersNeeded();
        if (volunteers < 0 || volunteers > 500) {
            throw LinliException.invalidField("volunteersNeeded", "ACTIVITY_VOLUNTEERS_RANGE", 0, 500);
        }
        String description = PlainText.check("description", in.description(), 2000);
        boolean family = Boolean.TRUE.equals(in.familyRegistration());
        Long seriesId = null;
        Activity first = null;
        // a weekly series is one activity per week, each with its own places; the same hours and registration
        // window relative to its start; the whole series is refused if any week's room is taken
        for (int week = 0; week < weeks; week++) {
            OffsetDateTime s = startsAt.plusWeeks(week);
            OffsetDateTime e = endsAt.plusWeeks(week);
            if (space != null) {
                spaces.reserveForActivity(centerCode, space, s, e);
            }
            long id = repository.insert(centerCode, title, category, description, s, e, in.capacity(), space, stream,
                    week == 0 ? opens : opens.plusWeeks(week), closes.plusWeeks(week), in.minAge(), in.maxAge(), actor,
                    new ActivityRepository.Extras(family, weeks > 1 ? seriesId : null, volunteers, in.suggestionId()));
            if (week == 0) {
                if (weeks > 1) {
                    seriesId = id;
                    repository.joinSeries(id, id);
                }
                first = repository.find(id).orElseThrow();
            }
            events.publishEvent(new ActivityPublished(id, centerCode, title, s, e, volunteers));
        }
        if (in.suggestionId() != null) {
            suggestions.adopt(centerCode, in.suggestionId(), first.id());
        }
        return first;
    }

    private static OffsetDateTime required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LinliException.invalidField(field, "ACTIVITY_TIME_REQUIRED");
        }
        return RequestTimes.moment(field, value);
    }
}
