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
        // 2 + 0 duties costs 8·4; 1 + 1 costs 8·1 + 8·1
        verifier.verifyThat(DutyConstraints::fairLoad)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, li)).penalizesBy(32);
        verifier.verifyThat(DutyConstraints::fairLoad)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, wang)).penalizesBy(16);
    }

    @Test
    void hoursAreSpreadEvenly() {
        // one person with 2 h + 7 h = 18 half hours costs 18² / 8 = 40; split, 4² / 8 + 14² / 8 = 2 + 24
        verifier.verifyThat(DutyConstraints::fairHours)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, li)).penalizesBy(40);
        verifier.verifyThat(DutyConstraints::fairHours)
                .given(new DutySlot(1, mondayLunch, 0, li), new DutySlot(2, saturday, 0, wang)).penalizesBy(26);
    }

    @Test
    void weekendDutiesAreSpreadEvenlyAndNotTwoWeeksRunning() {
        verifier.verifyThat(DutyConstraints::fairWeekends)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, nextSaturday, 0, li)).penalizesBy(64);
        // three weekends running where one is allowed: two too many; where two are allowed: one
        verifier.verifyThat(DutyConstraints::weekendsRunning)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, nextSaturday, 0, li),
                        new DutySlot(3, saturdayAfter, 0, li), new RosterSettings(1))
                .penalizesBy(2);
        verifier.verifyThat(DutyConstraints::weekendsRunning)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, nextSaturday, 0, li),
                        new DutySlot(3, saturdayAfter, 0, li), new RosterSettings(2))
                .penalizesBy(1);
        verifier.verifyThat(DutyConstraints::weekendsRunning)
                .given(new DutySlot(1, saturday, 0, li), new DutySlot(2, saturdayAfter, 0, li),
                        new RosterSettings(1)).penalizesBy(0);
    }

    @Test
    void aPlaceThatNeedsASkillGetsSomeoneWithIt() {
        RosterStaff insured = new RosterStaff(3, "张", Set.of(), Set.of(), Set.of(), Set.of("社保"));
        verifier.verifyThat(DutyConstraints::skill)
                .given(new DutySlot(1, saturday, 0, "社保", li), new DutySlot(2, saturday, 1, null, wang))
                .penalizesBy(1);
        verifier.verifyThat(DutyConstraints::skill)
                .given(new DutySlot(1, saturday, 0, "社保", insured), new DutySlot(2, saturday, 1, null, wang))
                .penalizesBy(0);
    }

    @Test
    void approvedLeaveCountsAsUnavailable() {
        RosterStaff onLeave = new RosterStaff(3, "张", Set.of(), Set.of(), Set.of(MONDAY), Set.of());
        verifier.verifyThat(DutyConstraints::unavailable)
                .given(new DutySlot(1, mondayLunch, 0, onLeave)).penalizesBy(1);
    }

    @Test
    void daysSomeoneWouldRatherNotWorkAreRespectedWherePossible() {
        RosterStaff busy = new RosterStaff(3, "张", Set.of(), Set.of(MONDAY), Set.of(), Set.of());
        verifier.verifyThat(DutyConstraints::preference)
                .given(new DutySlot(1, mondayLunch, 0, busy), new DutySlot(2, saturday, 0, busy)).penalizesBy(1);
    }

    @Test
    void fewerEveningsBeforeOnesOwnLeave() {
        // leave on Tuesday: Monday's evening counts, the lunchtime does not; leave on Monday: the Friday evening counts
        RosterStaff tuesdayOff = new RosterStaff(3, "张", Set.of(), Set.of(), Set.of(MONDAY.plusDays(1)), Set.of());
        verifier.verifyThat(DutyConstraints::eveningBeforeLeave)
                .given(new DutySlot(1, mondayLunch, 0, tuesdayOff), new DutySlot(2, mondayEvening, 0, tuesdayOff))
                .penalizesBy(1);
        RosterStaff mondayOff = new RosterStaff(4, "赵", Set.of(), Set.of(), Set.of(MONDAY.plusDays(7)), Set.of());
        DutyShift fridayEvening = shift(6, MONDAY.plusDays(4), "EVENING", 19, 21);
        DutyShift thursdayEvening = shift(7, MONDAY.plusDays(3), "EVENING", 19, 21);
        verifier.verifyThat(DutyConstraints::eveningBeforeLeave)
                .given(new DutySlot(1, fridayEvening, 0, mondayOff), new DutySlot(2, thursdayEvening, 0, mondayOff))
                .penalizesBy(1);
    }
}
