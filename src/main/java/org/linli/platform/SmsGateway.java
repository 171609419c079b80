package org.linli.platform;

/**
 * Sends a text message: a port at the edge of the world. The notifications module provides the
 * development gateway (demo outbox); a provider's gateway replaces it in production.
 */
public interface SmsGateway {

    void send(PhoneNumber to, String text);

    /**
     * Sends a text that belongs to a message with a stable id; a gateway that can deduplicate on it
     * (most providers take a client reference) must, because delivery is at least once.
     */
    default void send(PhoneNumber to, String text, String messageId) {
        send(to, text);
    }
}
