package org.linli.volunteering;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recruitment opened: the volunteers it suits (by age, skills, center and team) are told in the app
 * and by SMS, and each team's WeCom group robot gets one message with the link.
 */
public record RecruitmentPublished(long recruitmentId, String centerCode, String title, OffsetDateTime startsAt,
        String place, int needed, String link, List<Long> volunteerAccountIds, List<String> groupWebhooks) {
}
