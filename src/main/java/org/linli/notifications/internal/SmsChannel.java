package org.linli.notifications.internal;

import org.linli.notifications.NotificationChannel;
import org.linli.platform.PhoneNumber;
import org.linli.platform.SmsGateway;
import org.springframework.stereotype.Component;

/** Texts through whichever {@link SmsGateway} is configured. */
@Component
class SmsChannel implements NotificationChannel {

    private final SmsGateway gateway;

    SmsChannel(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "SMS";
    }

    @Override
    public void send(String messageId, Recipient recipient, String text) {
        PhoneNumber phone = PhoneNumber.parseOrNull(recipient.phone());
        if (phone != null) {
            gateway.send(phone, text, messageId);
        }
    }
}
