package org.linli.points;

import java.time.OffsetDateTime;
import java.util.List;

/** Every redemption made in a period (reversed or not), as its event. */
public interface PointsHistory {

    List<PointsRedeemed> redeemed(OffsetDateTime from, OffsetDateTime to);

    /** Every merchant's name by its code (for naming figures kept by code). */
    java.util.Map<String, String> merchantNames();
}
