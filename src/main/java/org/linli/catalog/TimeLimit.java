package org.linli.catalog;

/** How long handling may take once accepted (办理时限). */
public record TimeLimit(int value, Unit unit) {

    public enum Unit {
        WORKING_DAYS, CALENDAR_DAYS, ON_THE_SPOT
    }

    public TimeLimit {
        if (unit == null || value < 0 || value > 365 || (unit != Unit.ON_THE_SPOT && value == 0)) {
            throw new IllegalArgumentException("time limit " + value + " " + unit);
        }
        if (unit == Unit.ON_THE_SPOT) {
            value = 0;
        }
    }
}
