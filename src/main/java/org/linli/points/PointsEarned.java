package org.linli.points;

import java.time.OffsetDateTime;

/**
 * Points a center issued for confirmed service hours (a correction's adjustment may be negative),
 * identified by the ledger transaction that posted them.
 */
public record PointsEarned(long transactionId, String centerCode, long points, OffsetDateTime at) {
}
