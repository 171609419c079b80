package org.linli.dashboard.internal;

import org.linli.activities.ActivityPublished;
import org.linli.activities.AttendanceRecorded;
import org.linli.activities.StudyRoomVisited;
import org.linli.applications.ApplicationStatusChanged;
import org.linli.appointments.AppointmentBooked;
import org.linli.homevisits.HomeVisitRecorded;
import org.linli.volunteering.ServiceHoursCorrected;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the read tables current from the events other modules publish. */
@Component
class DashboardListeners {

    private final FactMapper mapper;
    private final DashboardFacts facts;

    DashboardListeners(FactMapper mapper, DashboardFacts facts) {
        this.mapper = mapper;
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(org.linli.applications.ApplicationRated e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(ActivityPublished e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(StudyRoomVisited e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(ServiceHoursRecorded e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(ServiceHoursCorrected e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(AppointmentBooked e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(org.linli.points.PointsRedeemed e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(HomeVisitRecorded e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(org.linli.volunteering.RecruitmentPublished e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(org.linli.volunteering.RecruitmentFilled e) {
        facts.add(mapper.of(e));
    }

    @ApplicationModuleListener
    void on(org.linli.points.PointsEarned e) {
        facts.add(mapper.of(e));
    }
}
