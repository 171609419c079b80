package org.linli.notifications.internal;

import org.linli.platform.SmsGateway;
import org.linli.platform.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The development gateway: nothing leaves the machine; each text is stored so the demo's outbox page
 * and {@code GET /api/v1/dev/outbox} can show it. It takes part in the caller's transaction.
 */
@Component
class DevelopmentSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSmsGateway.class);

    private final JdbcClient jdbc;

    DevelopmentSmsGateway(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(PhoneNumber to, String text) {
        send(to, text, null);
    }

    @Override
    public void send(PhoneNumber to, String text, String messageId) {
        jdbc.sql("insert into sms_message (to_phone, text, message_id) values (?, ?, ?) on conflict do nothing")
                .params(to.value(), text, messageId).update();
        log.info("SMS to {} stored by the development gateway", to.masked());
    }
}
