package org.linli.roster.internal;

import java.time.LocalDate;
import java.util.Set;

/** A staff member who can be rostered, with the days they are unavailable (a problem fact). */
public class RosterStaff {

    private long accountId;
    private String name;
    private Set<LocalDate> unavailable;

    public RosterStaff() {
    }

    public RosterStaff(long accountId, String name, Set<LocalDate> unavailable) {
        this.accountId = accountId;
        this.name = name;
        this.unavailable = unavailable;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public boolean unavailableOn(LocalDate day) {
        return unavailable.contains(day);
    }

    @Override
    public String toString() {
        return name;
    }
}
