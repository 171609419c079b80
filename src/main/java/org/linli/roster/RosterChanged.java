package org.linli.roster;

import java.util.List;

/** A published roster changed (by a swap or the admin's re-publish); the people whose duties moved are told. */
public record RosterChanged(long rosterId, String centerCode, String month, int revision, String via,
        List<Long> staffAccountIds) {
}
