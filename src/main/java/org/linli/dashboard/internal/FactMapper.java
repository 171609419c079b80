package org.linli.dashboard.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.linli.activities.ActivityPublished;
import org.linli.activities.AttendanceRecorded;
import org.linli.activities.StudyRoomVisited;
import org.linli.applications.ApplicationStatusChanged;
import org.linli.appointments.AppointmentBooked;
import org.linli.calendar.OpeningHours;
import org.linli.calendar.SessionKind;
import org.linli.catalog.Catalog;
import org.linli.homevisits.HomeVisitRecorded;
import org.linli.platform.RequestTimes;
import org.linli.volunteering.ServiceHoursCorrected;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.stereotype.Component;

/**
 * What each event counts for. The same mapping serves the live listeners and the rebuild, so the read
 * tables come out the same either way.
 */
@Component
class FactMapper {

    static final String ACTIVITIES = "ACTIVITIES";
    static final String ATTENDANCE = "ATTENDANCE";
    static final String RECEIVED = "APPLICATIONS_RECEIVED";
    static final String CHANNEL = "APPLICATIONS_CHANNEL";
    static final String COMPLETED = "APPLICATIONS_COMPLETED";
    static final String APPOINTMENTS = "APPOINTMENTS";
    static final String STUDY = "STUDY_VISITS";
    static final String VOLUNTEER = "VOLUNTEER_MINUTES";
    static final String HOME = "HOME_VISITS";
    static final String REDEEMED = "POINTS_REDEEMED";
    static final String RATINGS = "RATINGS";
    static final String RECRUITMENTS = "RECRUITMENTS";
    static final String FILLED = "RECRUITMENTS_FILLED";
    static final String FILL_MINUTES = "RECRUITMENT_FILL_MINUTES";
    static final String EARNED = "POINTS_EARNED";

    private final Catalog catalog;
    private final OpeningHours hours;

    FactMapper(Catalog catalog, OpeningHours hours) {
        this.catalog = catalog;
        this.hours = hours;
    }

    private static java.time.LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(RequestTimes.ZONE).toLocalDate();
    }

    List<Fact> of(ApplicationStatusChanged e) {
        List<Fact> facts = new ArrayList<>();
        if ("SUBMIT".equals(e.action())) {
            String category = e.itemCode() == null ? "OTHER" : catalog.published(e.centerCode(), e.itemCode())
                    .map(i -> i.category()).orElse("OTHER");
            facts.add(new Fact("app:" + e.eventId() + ":r", e.centerCode(), day(e.at()), RECEIVED, category, 1));
            facts.add(new Fact("app:" + e.eventId() + ":c", e.centerCode(), day(e.at()), CHANNEL,
                    e.channel() == null ? "ONLINE" : e.channel(), 1));
        }
        if ("COMPLETED".equals(e.status()) && "COMPLETE".equals(e.action())) {
            boolean onTime = e.deadline() == null || !day(e.at()).isAfter(e.deadline());
            facts.add(new Fact("app:" + e.eventId() + ":d", e.centerCode(), day(e.at()), COMPLETED,
                    onTime ? "ON_TIME" : "LATE", 1));
        }
        return facts;
    }

    /** A rating, by its stars. */
    List<Fact> of(org.linli.applications.ApplicationRated e) {
        return List.of(new Fact("rate:" + e.eventId(), e.centerCode(), day(e.at()), RATINGS,
                String.valueOf(e.stars()), 1));
    }

    List<Fact> of(ActivityPublished e) {
        return List.of(new Fact("act:" + e.activityId(), e.centerCode(), day(e.startsAt()), ACTIVITIES, "", 1));
    }

    List<Fact> of(AttendanceRecorded e) {
        return List.of(new Fact("att:" + e.registrationId(), e.centerCode(), e.day(), ATTENDANCE, "", 1));
    }

    List<Fact> of(StudyRoomVisited e) {
        return List.of(new Fact("sv:" + e.visitId(), e.centerCode(), e.day(), STUDY, "", 1));
    }

    List<Fact> of(ServiceHoursRecorded e) {
        return List.of(new Fact("svc:" + e.serviceRecordId(), e.centerCode(), day(e.startedAt()), VOLUNTEER,
                String.valueOf(e.volunteerId()), e.netMinutes()));
    }

    List<Fact> of(ServiceHoursCorrected e) {
        return List.of(
                new Fact("corr:" + e.correctionId() + ":-", e.centerCode(), day(e.previousStartedAt()), VOLUNTEER,
                        String.valueOf(e.volunteerId()), -e.previousMinutes()),
                new Fact("corr:" + e.correctionId() + ":+", e.centerCode(), day(e.startedAt()), VOLUNTEER,
                        String.valueOf(e.volunteerId()), e.netMinutes()));
    }

    /** Whether the booking falls in an extended session (lunchtime, evening, weekend, holiday duty). */
    List<Fact> of(AppointmentBooked e) {
        SessionKind session = hours.openingAt(e.centerCode(), null, e.startsAt().atZoneSameInstant(RequestTimes.ZONE))
                .session();
        boolean extended = session != null && session != SessionKind.REGULAR;
        return List.of(new Fact("appt:" + e.appointmentId(), e.centerCode(), day(e.startsAt()), APPOINTMENTS,
                extended ? "EXTENDED" : "REGULAR", 1));
    }

    /** Points redeemed, per merchant (the dimension is the merchant's code). */
    List<Fact> of(org.linli.points.PointsRedeemed e) {
        return List.of(new Fact("pr:" + e.redemptionId(), e.centerCode(), day(e.at()), REDEEMED, e.merchantCode(),
                e.points()));
    }

    List<Fact> of(HomeVisitRecorded e) {
        return List.of(new Fact("hv:" + e.visitId(), e.centerCode(), e.day(), HOME, e.reason(), 1));
    }

    /** A recruitment counts on the day it starts, like an activity. */
    List<Fact> of(org.linli.volunteering.RecruitmentPublished e) {
        return List.of(new Fact("rec:" + e.recruitmentId(), e.centerCode(), day(e.startsAt()), RECRUITMENTS, "", 1));
    }

    /** Filled, on the day the recruitment starts, with the minutes it took (their sum over the count is the mean). */
    List<Fact> of(org.linli.volunteering.RecruitmentFilled e) {
        long minutes = Math.max(0, java.time.Duration.between(e.publishedAt(), e.filledAt()).toMinutes());
        return List.of(new Fact("fill:" + e.recruitmentId(), e.centerCode(), day(e.startsAt()), FILLED, "", 1),
                new Fact("fill:" + e.recruitmentId() + ":m", e.centerCode(), day(e.startsAt()), FILL_MINUTES, "",
                        minutes));
    }

    List<Fact> of(org.linli.points.PointsEarned e) {
        return List.of(new Fact("pe:" + e.transactionId(), e.centerCode(), day(e.at()), EARNED, "", e.points()));
    }
}
