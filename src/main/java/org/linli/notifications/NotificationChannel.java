package org.linli.notifications;

/**
 * A way to reach someone beyond the in-app inbox. SMS is the first; e-mail and the WeCom group robot
 * plug in here. A channel must be idempotent on {@code messageId}: delivery is at least once.
 */
public interface NotificationChannel {

    /** Stable name, e.g. {@code SMS}. */
    String name();

    /** Sends; throws to have the dispatcher retry later with back-off. */
    void send(String messageId, Recipient recipient, String text);

    record Recipient(long accountId, String phone, String language) {
    }
}
