package org.linli.roster;

import java.util.List;

/** A center published a month's duty roster; each rostered staff member is told. */
public record RosterPublished(long rosterId, String centerCode, String month, List<Long> staffAccountIds) {
}
