package org.linli.dashboard.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.linli.activities.ActivityRegistrar;
import org.linli.activities.StudyRoomBoard;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.OpeningHours;
import org.linli.centers.Centers;
import org.linli.platform.Public;
import org.linli.platform.RequestTimes;
import org.linli.roster.DutyBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 大屏: the entrance TV. Open now and today's sessions, today's activities with places left, the study
 * rooms' occupancy, who is on duty. It refreshes itself every minute and is read from three metres.
 */
@Controller
class LobbyController {

    private final Centers centers;
    private final OpeningHours hours;
    private final ActivityRegistrar activities;
    private final StudyRoomBoard studyRooms;
    private final DutyBoard duty;

    LobbyController(Centers centers, OpeningHours hours, ActivityRegistrar activities, StudyRoomBoard studyRooms,
            DutyBoard duty) {
        this.centers = centers;
        this.hours = hours;
        this.activities = activities;
        this.studyRooms = studyRooms;
        this.duty = duty;
    }

    @GetMapping("/centers/{code}/lobby")
    @Public
    String lobby(@PathVariable String code, Model model) {
        model.addAttribute("center", centers.require(code));
        ZonedDateTime now = ZonedDateTime.now(RequestTimes.ZONE);
        LocalDate today = now.toLocalDate();
        model.addAttribute("now", now);
        model.addAttribute("opening", hours.openingAt(code, null, now));
        List<DaySchedule> day = hours.schedule(code, null, today, 1);
        model.addAttribute("sessions", day.isEmpty() ? List.of() : day.get(0).sessions());
        model.addAttribute("activities", activities.upcomingAt(code).stream()
                .filter(a -> a.startsAt().atZoneSameInstant(RequestTimes.ZONE).toLocalDate().equals(today))
                .limit(8).toList());
        model.addAttribute("rooms", studyRooms.rooms(code));
        model.addAttribute("duties", duty.onDuty(code, today));
        return "dashboard/lobby";
    }
}
