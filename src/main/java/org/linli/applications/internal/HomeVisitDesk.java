package org.linli.applications.internal;

import java.util.Map;
import org.linli.applications.ApplicationDesk;
import org.springframework.stereotype.Component;

@Component
class HomeVisitDesk implements ApplicationDesk {

    private final ApplicationService applications;

    HomeVisitDesk(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public Registered registerAtHome(String centerCode, long visitorAccountId, long applicantAccountId,
            String itemCode, Map<String, Object> fields) {
        Application created = applications.registerAtHome(visitorAccountId, applicantAccountId,
                new ApplicationService.Submission(centerCode, itemCode, fields, Map.of()));
        return new Registered(created.id(), created.number());
    }
}
