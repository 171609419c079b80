package org.linli.volunteering;

import java.time.OffsetDateTime;

/**
 * A recruitment's last place was taken for the first time (places freed and taken again later do not
 * count again): how fast volunteers answer is {@code filledAt - publishedAt}.
 */
public record RecruitmentFilled(long recruitmentId, String centerCode, OffsetDateTime startsAt,
        OffsetDateTime publishedAt, OffsetDateTime filledAt) {
}
