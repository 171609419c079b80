package org.linli.roster.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;

/** One extended session of one day that needs staff (a problem fact of the solver). */
public class DutyShift {

    private long id;
    private LocalDate day;
    private String kind;
    private LocalTime starts;
    private LocalTime ends;
    private int required;

    public DutyShift() {
    }

    public DutyShift(long id, LocalDate day, String kind, LocalTime starts, LocalTime ends, int required) {
        this.id = id;
        this.day = day;
        this.kind = kind;
        this.starts = starts;
        this.ends = ends;
        this.required = required;
    }

    public long getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getKind() {
        return kind;
    }

    public LocalTime getStarts() {
        return starts;
    }

    public LocalTime getEnds() {
        return ends;
    }

    public int getRequired() {
        return required;
    }

    /** Weekend and holiday duties are counted apart for fairness. */
    public boolean isWeekendDuty() {
        return "WEEKEND".equals(kind) || "HOLIDAY_DUTY".equals(kind);
    }

    public int getWeek() {
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + 100 * day.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int getMinutes() {
        return (int) java.time.Duration.between(starts, ends).toMinutes();
    }
}
