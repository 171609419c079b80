package org.linli.activities;

import java.time.OffsetDateTime;

/**
 * An activity was published. When it needs volunteers (volunteersNeeded > 0) the volunteering module
 * may open a recruitment for it; dashboards may count it.
 */
public record ActivityPublished(long activityId, String centerCode, String title, OffsetDateTime startsAt,
        OffsetDateTime endsAt, int volunteersNeeded) {
}
