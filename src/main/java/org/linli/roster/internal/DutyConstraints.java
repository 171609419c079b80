package org.linli.roster.internal;

import static org.optaplanner.core.api.score.stream.Joiners.equal;

import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardsoft.HardSoftScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The roster's rules. Hard: nobody is rostered on a day they are unavailable or on approved leave,
 * nobody works two extended shifts on one day (which also rules out overlaps and taking two places on
 * one shift), a place that needs a skill gets someone with it. (Every shift has its number of staff by
 * construction: each needed person is a slot the solver must fill.) Soft: duties, hours and weekend
 * duties are spread evenly (a sum of squares is smallest when the shares are equal), no more weekend
 * duties in a row than the center allows, days people would rather not work are respected where
 * possible, and nobody works the evening before their own leave starts if it can be helped.
 */
public class DutyConstraints implements ConstraintProvider {

    static final String UNAVAILABLE = "Rostered while unavailable";
    static final String TWO_A_DAY = "Two extended shifts on one day";
    static final String SKILL = "Required skill missing";
    static final String FAIR_LOAD = "Duties spread evenly";
    static final String FAIR_HOURS = "Hours spread evenly";
    static final String FAIR_WEEKENDS = "Weekend duties spread evenly";
    static final String WEEKENDS_RUNNING = "Weekend duty two weeks running";
    static final String PREFERENCE = "Rostered on a day they would rather not";
    static final String EVENING_BEFORE_LEAVE = "Evening duty before own leave";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {unavailable(factory), twoADay(factory), skill(factory), fairLoad(factory),
                fairHours(factory), fairWeekends(factory), weekendsRunning(factory), preference(factory),
                eveningBeforeLeave(factory)};
    }

    Constraint unavailable(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> slot.getStaff().unavailableOn(slot.getShift().getDay()))
                .penalize(HardSoftScore.ONE_HARD).asConstraint(UNAVAILABLE);
    }

    Constraint twoADay(ConstraintFactory factory) {
        return factory.forEachUniquePair(DutySlot.class, equal(DutySlot::getStaff),
                        equal(slot -> slot.getShift().getDay()))
                .penalize(HardSoftScore.ONE_HARD).asConstraint(TWO_A_DAY);
    }

    Constraint skill(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> slot.getSkill() != null && !slot.getStaff().has(slot.getSkill()))
                .penalize(HardSoftScore.ONE_HARD).asConstraint(SKILL);
    }

    Constraint fairLoad(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .groupBy(DutySlot::getStaff, ConstraintCollectors.count())
                .penalize(HardSoftScore.ONE_SOFT, (staff, count) -> 8 * count * count).asConstraint(FAIR_LOAD);
    }

    /** In half hours, so a seven-hour weekend day weighs more than a two-hour evening. */
    Constraint fairHours(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .groupBy(DutySlot::getStaff, ConstraintCollectors.sum(slot -> slot.getShift().getMinutes() / 30))
                .penalize(HardSoftScore.ONE_SOFT, (staff, halfHours) -> halfHours * halfHours / 8)
                .asConstraint(FAIR_HOURS);
    }

    Constraint fairWeekends(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class).filter(slot -> slot.getShift().isWeekendDuty())
                .groupBy(DutySlot::getStaff, ConstraintCollectors.count())
                .penalize(HardSoftScore.ONE_SOFT, (staff, count) -> 16 * count * count).asConstraint(FAIR_WEEKENDS);
    }

    /** Each week beyond the center's limit in a person's longest run of weekends with duty. */
    Constraint weekendsRunning(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class).filter(slot -> slot.getShift().isWeekendDuty())
                .groupBy(DutySlot::getStaff, ConstraintCollectors.toSet(slot -> slot.getShift().getWeek()))
                .join(RosterSettings.class)
                .filter((staff, weeks, settings) -> longestRun(weeks) > settings.maxWeekendsRunning())
                .penalize(HardSoftScore.ofSoft(24),
                        (staff, weeks, settings) -> longestRun(weeks) - settings.maxWeekendsRunning())
                .asConstraint(WEEKENDS_RUNNING);
    }

    Constraint preference(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> slot.getStaff().prefersNot(slot.getShift().getDay()))
                .penalize(HardSoftScore.ofSoft(20)).asConstraint(PREFERENCE);
    }

    Constraint eveningBeforeLeave(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> "EVENING".equals(slot.getShift().getKind())
                        && slot.getStaff().leaveStartsAfter(slot.getShift().getDay()))
                .penalize(HardSoftScore.ofSoft(10)).asConstraint(EVENING_BEFORE_LEAVE);
    }

    static int longestRun(Set<Integer> weeks) {
        int longest = 0;
        for (int week : weeks) {
            if (!weeks.contains(week - 1)) {
                int run = 1;
                while (weeks.contains(week + run)) {
                    run++;
                }
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }
}
