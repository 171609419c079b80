package org.linli.appointments.internal;

import java.util.Locale;
import java.util.Map;
import org.linli.centers.Center;
import org.linli.centers.CenterPageSection;
import org.springframework.stereotype.Component;

/** On a center's page: what can be booked there. */
@Component
class AppointmentsSection implements CenterPageSection {

    private final AppointmentRepository repository;

    AppointmentsSection(AppointmentRepository repository) {
        this.repository = repository;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "appointments/section";
    }

    @Override
    public Map<String, Object> model(Center center, Locale locale) {
        return Map.of("center", center, "services", repository.services(center.code().value()));
    }
}
