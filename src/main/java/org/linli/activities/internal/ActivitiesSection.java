package org.linli.activities.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.centers.Center;
import org.linli.centers.CenterPageSection;
import org.linli.platform.RequestTimes;
import org.springframework.stereotype.Component;

/** On a center's page: its next activities, with places left. */
@Component
class ActivitiesSection implements CenterPageSection {

    private final ActivityRepository repository;

    ActivitiesSection(ActivityRepository repository) {
        this.repository = repository;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "activities/section";
    }

    @Override
    public Map<String, Object> model(Center center, Locale locale) {
        String code = center.code().value();
        return Map.of("code", code, "activities", repository.upcoming(List.of(code), "",
                OffsetDateTime.now(RequestTimes.ZONE), 5, 0));
    }
}
