package org.linli.calendar.internal;

import java.time.LocalTime;
import org.linli.calendar.SessionKind;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.springframework.stereotype.Component;

/**
 * The demo's hours: 小街 keeps the report's schedule (office hours, 中午连 12–14, evenings 19–21,
 * 周末延 10–17, holiday duty 10–17); the other communities office hours, every other one with an
 * extended session; streets and the district office hours; Beijing Road's study room 08:00–22:00
 * every day but public holidays.
 */
@Component
@DemoOnly
class CalendarDemoData implements DemoDataSet {

    private final Centers centers;
    private final HoursRepository hours;

    CalendarDemoData(Centers centers, HoursRepository hours) {
        this.centers = centers;
        this.hours = hours;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        int community = 0;
        for (Center center : centers.all()) {
            String code = center.code().value();
            if (code.equals("xiaojie")) {
                weekdays(code, "", SessionKind.REGULAR, "09:00", "12:00");
                weekdays(code, "", SessionKind.LUNCHTIME, "12:00", "14:00");
                weekdays(code, "", SessionKind.REGULAR, "14:00", "18:00");
                weekdays(code, "", SessionKind.EVENING, "19:00", "21:00");
                rule(code, "", "SATURDAY", SessionKind.WEEKEND, "10:00", "17:00");
                rule(code, "", "SUNDAY", SessionKind.WEEKEND, "10:00", "17:00");
                rule(code, "", "HOLIDAY", SessionKind.HOLIDAY_DUTY, "10:00", "17:00");
                continue;
            }
            weekdays(code, "", SessionKind.REGULAR, "09:00", "12:00");
            weekdays(code, "", SessionKind.REGULAR, "14:00", "17:30");
            if (center.level() == CenterLevel.COMMUNITY && community++ % 2 == 0) {
                weekdays(code, "", SessionKind.LUNCHTIME, "12:00", "14:00");
                rule(code, "", "SATURDAY", SessionKind.WEEKEND, "10:00", "16:00");
            }
            if (code.equals("beijinglu")) {
                for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                        "SUNDAY"}) {
                    rule(code, "study-room", day, SessionKind.REGULAR, "08:00", "22:00");
                }
            }
        }
    }

    private void weekdays(String code, String space, SessionKind session, String opens, String closes) {
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            rule(code, space, day, session, opens, closes);
        }
    }

    private void rule(String code, String space, String day, SessionKind session, String opens, String closes) {
        hours.addRule(code, space, day, session, LocalTime.parse(opens), LocalTime.parse(closes));
    }

}
