package org.linli.roster.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Each rule of the roster on its own, through OptaPlanner's ConstraintVerifier. */
class DutyConstraintsTest {

    private final ConstraintVerifier<DutyConstraints, DutyRoster> verifier = ConstraintVerifier.build(
            new DutyConstraints(), DutyRoster.class, DutySlot.class);

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private final RosterStaff wang = new RosterStaff(1, "王", Set.of(MONDAY));
    private final RosterStaff li = new RosterStaff(2, "李", Set.of());

    private static DutyShift shift(long id, LocalDate day, String kind, int from, int to) {
        return new DutyShift(id, day, kind, LocalTime.of(from, 0), LocalTime.of(to, 0), 1);
    }

    private final DutyShift mondayLunch = shift(1, MONDAY, "LUNCHTIME", 12, 14);
    private final DutyShift mondayEvening = shift(2, MONDAY, "EVENING", 19, 21);
    private final DutyShift saturday = shift(3, MONDAY.plusDays(5), "WEEKEND", 10, 17);
    private final DutyShift nextSaturday = shift(4, MONDAY.plusDays(12), "WEEKEND", 10, 17);
    private final DutyShift saturdayAfter = shift(5, MONDAY.plusDays(19), "WEEKEND", 10, 17);

    @Test
    void nobodyWorksOnADayTheyAreUnavailable() {
        verifier.verifyThat(DutyConstraints::unavailable)
                .given(new DutySlot(1, mondayLunch, 0, wang), new DutySlot(2, mondayEvening, 0, li))
                .penalizesBy(1);
        verifier.verifyThat(DutyConstraints::unavailable)
                .given(new DutySlot(1, saturday, 0, wang)).penalizesBy(0);
    }

    @Test
    void nobodyWorksTwoExtendedShiftsOnOneDay() {
        verifier.verifyThat(DutyConstraints::twoADay)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, mondayEvening, 0, li))
                .penalizesBy(1);
        verifier.verifyThat(DutyConstraints::twoADay)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, mondayEvening, 0, wang))
                .penalizesBy(0);
    }

    @Test
    void dutiesAreSpreadEvenly() {
        // 2 + 0 duties costs 4; 1 + 1 costs 2
        verifier.verifyThat(DutyConstraints::fairLoad)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, li)).penalizesBy(4);
        verifier.verifyThat(DutyConstraints::fairLoad)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, wang)).penalizesBy(2);
    }

    @Test
    void weekendDutiesAreSpreadEvenlyAndNotTwoWeeksRunning() {
        verifier.verifyThat(DutyConstraints::fairWeekends)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, nextSaturday, 0, li)).penalizesBy(8);
        verifier.verifyThat(DutyConstraints::weekendsRunning)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, nextSaturday, 0, li),
                        new DutySlot(3, saturdayAfter, 0, li))
                .penalizesBy(2); // two pairs of running weekends (each weighs 3 soft in the score)
        verifier.verifyThat(DutyConstraints::weekendsRunning)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, saturdayAfter, 0, li)).penalizesBy(0);
    }
}
