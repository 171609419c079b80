package org.linli.roster.internal;

import static org.optaplanner.core.api.score.stream.Joiners.equal;

import org.optaplanner.core.api.score.buildin.hardsoft.HardSoftScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The roster's rules. Hard: nobody is rostered on a day they are unavailable (or on leave), nobody works
 * two extended shifts on one day (which also rules out overlaps and taking two places on one shift).
 * Soft: duties and weekend duties are spread evenly (the sum of squares of each person's count is
 * smallest when counts are equal), and nobody does weekend duty two weeks running.
 */
public class DutyConstraints implements ConstraintProvider {

    static final String UNAVAILABLE = "Rostered while unavailable";
    static final String TWO_A_DAY = "Two extended shifts on one day";
    static final String FAIR_LOAD = "Duties spread evenly";
    static final String FAIR_WEEKENDS = "Weekend duties spread evenly";
    static final String WEEKENDS_RUNNING = "Weekend duty two weeks running";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {unavailable(factory), twoADay(factory), fairLoad(factory), fairWeekends(factory),
                weekendsRunning(factory)};
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

    Constraint fairLoad(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .groupBy(DutySlot::getStaff, ConstraintCollectors.count())
                .penalize(HardSoftScore.ONE_SOFT, (staff, count) -> count * count).asConstraint(FAIR_LOAD);
    }

    Constraint fairWeekends(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class).filter(slot -> slot.getShift().isWeekendDuty())
                .groupBy(DutySlot::getStaff, ConstraintCollectors.count())
                .penalize(HardSoftScore.ONE_SOFT, (staff, count) -> 2 * count * count).asConstraint(FAIR_WEEKENDS);
    }

    Constraint weekendsRunning(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class).filter(slot -> slot.getShift().isWeekendDuty())
                .join(factory.forEach(DutySlot.class).filter(slot -> slot.getShift().isWeekendDuty()),
                        equal(DutySlot::getStaff), equal(slot -> slot.getShift().getWeek() + 1,
                                slot -> slot.getShift().getWeek()))
                .penalize(HardSoftScore.ofSoft(3)).asConstraint(WEEKENDS_RUNNING);
    }
}
