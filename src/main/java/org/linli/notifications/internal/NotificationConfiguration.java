package org.linli.notifications.internal;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Events are delivered after commit on another thread; publications that failed (or were cut off by a
 * crash) are resubmitted every minute and at restart. Receivers deduplicate, so this is safe on every
 * instance at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class NotificationConfiguration {

    private final IncompleteEventPublications incomplete;

    NotificationConfiguration(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "60s", initialDelayString = "60s")
    void resubmitStalledEvents() {
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
    }
}
