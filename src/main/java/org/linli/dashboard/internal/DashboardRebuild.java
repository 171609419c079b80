package org.linli.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.linli.activities.ActivityHistory;
import org.linli.applications.ApplicationHistory;
import org.linli.appointments.AppointmentHistory;
import org.linli.homevisits.HomeVisitHistory;
import org.linli.volunteering.ServiceHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives the read tables from scratch through the other modules' public histories, with the same
 * mapping the listeners use: after a lost event, a new metric, or a demo loaded without events.
 */
@Service
class DashboardRebuild {

    private static final OffsetDateTime FROM = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final FactMapper mapper;
    private final DashboardFacts facts;
    private final ApplicationHistory applications;
    private final ActivityHistory activities;
    private final ServiceHistory service;
    private final AppointmentHistory appointments;
    private final HomeVisitHistory homeVisits;
    private final org.linli.points.PointsHistory points;

    DashboardRebuild(JdbcClient jdbc, FactMapper mapper, DashboardFacts facts, ApplicationHistory applications,
            ActivityHistory activities, ServiceHistory service, AppointmentHistory appointments,
            HomeVisitHistory homeVisits, org.linli.points.PointsHistory points) {
        this.points = points;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.facts = facts;
        this.applications = applications;
        this.activities = activities;
        this.service = service;
        this.appointments = appointments;
        this.homeVisits = homeVisits;
    }

    /** Returns how many fact rows the tables hold afterwards. */
    @Transactional
    int rebuild() {
        // one rebuild at a time; live listeners wait on the tables' rows meanwhile
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dashboard-rebuild'))").query((rs, n) -> 1).list();
        jdbc.sql("delete from dash_fact").update();
        jdbc.sql("delete from dash_seen").update();
        OffsetDateTime to = OffsetDateTime.now().plusYears(3);
        List<Fact> all = new ArrayList<>();
        applications.between(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        applications.ratings(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        activities.published(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        activities.attendance(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        activities.studyRoomVisits(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        service.confirmed(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        appointments.booked(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        service.recruitments(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        service.filled(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        points.redeemed(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        points.earned(FROM, to).forEach(e -> all.addAll(mapper.of(e)));
        homeVisits.done(LocalDate.of(2000, 1, 1), LocalDate.now().plusYears(3)).forEach(e -> all.addAll(mapper.of(e)));
        return facts.addAll(all);
    }
}
