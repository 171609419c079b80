package org.linli.points;

import java.time.OffsetDateTime;
import java.util.List;

/** The points history dashboards are rebuilt from, as the events it would have published. */
public interface PointsHistory {

    /** Every redemption made in a period (reversed or not). */
    List<PointsRedeemed> redeemed(OffsetDateTime from, OffsetDateTime to);

    /** Every credit for service hours (and correction) posted in a period, as its event. */
    List<PointsEarned> earned(OffsetDateTime from, OffsetDateTime to);

    /** Every merchant's name by its code (for naming figures kept by code). */
    java.util.Map<String, String> merchantNames();
}
