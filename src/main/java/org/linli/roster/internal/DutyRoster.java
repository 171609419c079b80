package org.linli.roster.internal;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardsoft.HardSoftScore;

/** A month's duty roster as the solver sees it. */
@PlanningSolution
public class DutyRoster {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<RosterStaff> staff;
    @ProblemFactCollectionProperty
    private List<DutyShift> shifts;
    @ProblemFactProperty
    private RosterSettings settings = new RosterSettings(1);
    @PlanningEntityCollectionProperty
    private List<DutySlot> slots;
    @PlanningScore
    private HardSoftScore score;

    public DutyRoster() {
    }

    public DutyRoster(List<RosterStaff> staff, List<DutyShift> shifts, List<DutySlot> slots) {
        this.staff = staff;
        this.shifts = shifts;
        this.slots = slots;
    }

    public DutyRoster(List<RosterStaff> staff, List<DutyShift> shifts, List<DutySlot> slots, RosterSettings settings) {
        this(staff, shifts, slots);
        this.settings = settings;
    }

    public RosterSettings getSettings() {
        return settings;
    }

    public List<RosterStaff> getStaff() {
        return staff;
    }

    public List<DutyShift> getShifts() {
        return shifts;
    }

    public List<DutySlot> getSlots() {
        return slots;
    }

    public HardSoftScore getScore() {
        return score;
    }
}
