package org.linli.roster;

import java.time.LocalDate;

/** A staff member asked a colleague to take (or exchange) a duty; the colleague is told. */
public record DutySwapRequested(long swapId, String centerCode, long colleagueAccountId, LocalDate dutyDate,
        String kind) {
}
