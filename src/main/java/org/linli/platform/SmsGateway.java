package org.linli.platform;

/**
 * Sends a text message: a port at the edge of the world. The notifications module provides the
 * development gateway (demo outbox); a provider's gateway replaces it in production.
 */
public interface SmsGateway {

    void send(PhoneNumber to, String text);
}
