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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Registrar(ActivityRepository repository, Registrations registrations,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.repository = repository;
        this.registrations = registrations;
        this.jdbc = jdbc;
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
        return registrations.register(activityId, accountId, null, OffsetDateTime.now(RequestTimes.ZONE), true)
                .status().name();
    }

    @Override
    public void cancel(long activityId, long accountId) {
        registrations.cancel(activityId, accountId, null, true);
    }

    @Override
    public void markPaid(long activityId) {
        jdbc.sql("update activity set paid = true where id = ?").param(activityId).update();
    }
}
