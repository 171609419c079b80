package org.linli.volunteering.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which group-robot addresses a team may configure: the WeCom robot's endpoint by default, so a team's
 * settings cannot make Linli call arbitrary hosts; tests and the demo set their own prefix.
 */
@Component
class WebhookAddresses {

    private final String prefix;

    WebhookAddresses(@Value("${linli.volunteering.webhook-prefix:https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=}")
            String prefix) {
        this.prefix = prefix;
    }

    boolean allowed(String url) {
        return url.startsWith(prefix) && url.length() > prefix.length() && url.length() <= 300
                && url.chars().noneMatch(c -> c <= ' ');
    }

    String prefix() {
        return prefix;
    }
}
