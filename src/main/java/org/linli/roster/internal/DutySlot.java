package org.linli.roster.internal;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** One place on a shift (a shift needing two staff has two); the solver chooses who fills it. */
@PlanningEntity
public class DutySlot {

    @PlanningId
    private long id;
    private DutyShift shift;
    private int place;
    private String skill;
    @PlanningVariable
    private RosterStaff staff;

    public DutySlot() {
    }

    public DutySlot(long id, DutyShift shift, int place, RosterStaff staff) {
        this.id = id;
        this.shift = shift;
        this.place = place;
        this.staff = staff;
    }

    public DutySlot(long id, DutyShift shift, int place, String skill, RosterStaff staff) {
        this(id, shift, place, staff);
        this.skill = skill;
    }

    public long getId() {
        return id;
    }

    public DutyShift getShift() {
        return shift;
    }

    public int getPlace() {
        return place;
    }

    /** The skill whoever fills this place must have, or null. */
    public String getSkill() {
        return skill;
    }

    public RosterStaff getStaff() {
        return staff;
    }

    public void setStaff(RosterStaff staff) {
        this.staff = staff;
    }
}
