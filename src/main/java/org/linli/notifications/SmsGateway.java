package org.linli.notifications;

import org.linli.platform.PhoneNumber;

/** Sends a text message. Implementations: the development gateway now, a provider's later. */
public interface SmsGateway {

    void send(PhoneNumber to, String text);
}
