package org.linli.notifications.internal;

import java.time.format.DateTimeFormatter;
import org.linli.centers.Centers;
import org.linli.platform.RequestTimes;
import org.linli.volunteering.GuardianConsentRequested;
import org.linli.volunteering.RecruitmentPublished;
import org.linli.volunteering.VolunteerSignupPromoted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recruitments reach the volunteers they suit (inbox and SMS) and each team's WeCom group (one
 * message with the link, to share on); a promoted sign-up and a guardian's consent request are told.
 */
@Component
class VolunteerNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Inbox inbox;
    private final Centers centers;
    private final GroupRobot robot;
    private final String publicUrl;

    VolunteerNotifications(Inbox inbox, Centers centers, GroupRobot robot,
            @Value("${linli.public-url:http://localhost:8080}") String publicUrl) {
        this.inbox = inbox;
        this.centers = centers;
        this.robot = robot;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(RecruitmentPublished event) {
        String center = centers.find(event.centerCode()).map(c -> c.nameZh()).orElse(event.centerCode());
        String when = WHEN.format(event.startsAt().atZoneSameInstant(RequestTimes.ZONE));
        for (long account : event.volunteerAccountIds()) {
            inbox.deliver("recruitment:" + event.recruitmentId(), account, "RECRUITMENT_PUBLISHED", false, true,
                    event.title(), center, when, event.needed());
        }
        String link = publicUrl + event.link();
        String markdown = "**志愿者招募：" + event.title() + "**\n> 时间：" + when + "\n> 地点："
                + (event.place() == null ? center : event.place()) + "\n> 需要：" + event.needed() + " 人，先到先得\n"
                + "[点此报名](" + link + ")";
        for (String webhook : event.groupWebhooks()) {
            robot.queue("recruitment:" + event.recruitmentId(), webhook, markdown);
        }
    }

    @ApplicationModuleListener
    void on(VolunteerSignupPromoted event) {
        inbox.deliver("recruitment-signup:" + event.signupId(), event.accountId(), "SIGNUP_PROMOTED", false, true,
                event.title(), WHEN.format(event.startsAt().atZoneSameInstant(RequestTimes.ZONE)));
    }

    @ApplicationModuleListener
    void on(GuardianConsentRequested event) {
        inbox.deliver("volunteer-consent:" + event.volunteerId(), event.guardianAccountId(), "GUARDIAN_CONSENT", false,
                true, event.maskedName());
    }
}
