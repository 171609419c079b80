package org.linli.volunteering.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.linli.activities.ActivityPublished;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An activity that needs volunteers opens a recruitment for them (once per activity). */
@Component
class ActivityVolunteerNeeds {

    private final Recruitments recruitments;

    ActivityVolunteerNeeds(Recruitments recruitments) {
        this.recruitments = recruitments;
    }

    @ApplicationModuleListener
    void on(ActivityPublished event) {
        if (event.volunteersNeeded() <= 0 || !event.startsAt().isAfter(OffsetDateTime.now())
                || recruitments.forActivity(event.activityId()).isPresent()) {
            return; // nothing needed, too late, or a redelivered event whose recruitment exists
        }
        try {
            recruitments.publish(event.centerCode(), new Recruitments.NewRecruitment("活动志愿者：" + event.title(),
                    "协助活动签到、引导和秩序维护。", null, event.startsAt().toString(),
                    event.endsAt().toString(), event.volunteersNeeded(), List.of(), null, false, event.activityId(),
                    null), null);
        } catch (DuplicateKeyException already) {
            // a redelivered event: the activity's recruitment exists
        }
    }
}
