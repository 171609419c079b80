package org.linli.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dispatchInterval how often due SMS are sent
 * @param firstRetry       wait after the first failure; doubles each time up to {@code maxRetryWait}
 * @param maxAttempts      after this many failures a text is given up (it stays in the inbox)
 */
@ConfigurationProperties("linli.notifications")
record NotificationProperties(@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryWait, @DefaultValue("10") int maxAttempts) {
}
