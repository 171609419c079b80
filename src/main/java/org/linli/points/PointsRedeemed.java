package org.linli.points;

import java.time.OffsetDateTime;

/** A volunteer's points were redeemed at a merchant (dashboards count them per merchant). */
public record PointsRedeemed(long redemptionId, String centerCode, String merchantCode, int points,
        OffsetDateTime at) {
}
