package org.linli.activities.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.linli.activities.ActivityRegistrar;
import org.linli.platform.RequestTimes;
import org.springframework.stereotype.Service;

@Service
class Registrar implements ActivityRegistrar {

    private final ActivityRepository repository;
    private final Registrations registrations;

    Registrar(ActivityRepository repository, Registrations registrations) {
        this.repository = repository;
        this.registrations = registrations;
    }

    private static Facts facts(Activity a) {
        return new Facts(a.id(), a.centerCode(), a.title(), a.startsAt(), a.capacity(), a.confirmed(),
                "PUBLISHED".equals(a.status()));
    }

    @Override
    public Optional<Facts> facts(long activityId) {
        return repository.find(activityId).map(Registrar::facts);
    }

    @Override
    public List<Facts> upcomingAt(String centerCode) {
        return repository.upcoming(List.of(centerCode), "", OffsetDateTime.now(RequestTimes.ZONE), 100, 0).stream()
                .map(Registrar::facts).toList();
    }

    @Override
    public String register(long activityId, long accountId) {
        return registrations.register(activityId, accountId, OffsetDateTime.now(RequestTimes.ZONE)).status().name();
    }

    @Override
    public void cancel(long activityId, long accountId) {
        registrations.cancel(activityId, accountId);
    }
}
