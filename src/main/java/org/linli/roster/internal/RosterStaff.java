package org.linli.roster.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A staff member who can be rostered (a problem fact): the days they cannot work (stated, or approved
 * leave), the days they would rather not, the days their own leave starts, and their skills.
 */
public class RosterStaff {

    private long accountId;
    private String name;
    private Set<LocalDate> unavailable;
    private Set<LocalDate> preferNot = Set.of();
    private Set<LocalDate> leave = Set.of();
    private Set<String> skills = Set.of();

    public RosterStaff() {
    }

    public RosterStaff(long accountId, String name, Set<LocalDate> unavailable) {
        this.accountId = accountId;
        this.name = name;
        this.unavailable = unavailable;
    }

    public RosterStaff(long accountId, String name, Set<LocalDate> unavailable, Set<LocalDate> preferNot,
            Set<LocalDate> leave, Set<String> skills) {
        this(accountId, name, unavailable);
        this.preferNot = preferNot;
        this.leave = leave;
        this.skills = skills;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public boolean unavailableOn(LocalDate day) {
        return unavailable.contains(day) || leave.contains(day);
    }

    public boolean prefersNot(LocalDate day) {
        return preferNot.contains(day);
    }

    /** Leave starts the next day, or on the Monday after a Friday. */
    public boolean leaveStartsAfter(LocalDate day) {
        LocalDate next = day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? day.plusDays(3) : day.plusDays(1);
        return leave.contains(next) && !leave.contains(day);
    }

    public boolean has(String skill) {
        return skills.contains(skill);
    }

    @Override
    public String toString() {
        return name;
    }
}
