package org.linli.calendar;

/** 办公时间, 中午连, 晚间延时, 周末延, 节假日值班. */
public enum SessionKind {
    REGULAR, LUNCHTIME, EVENING, WEEKEND, HOLIDAY_DUTY
}
