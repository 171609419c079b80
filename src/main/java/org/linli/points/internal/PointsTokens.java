package org.linli.points.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The code a volunteer's QR shows at the counter: eight characters without look-alikes (40 bits),
 * valid two minutes and for one redemption. Several may be live at once (two phones, a refresh).
 */
@Service
class PointsTokens {

    static final Duration VALID_FOR = Duration.ofMinutes(2);

    record Token(String token, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;

    PointsTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Token issue(long accountId) {
        for (int attempt = 0; ; attempt++) {
            String token = org.linli.platform.RandomCodes.of(8);
            OffsetDateTime expires = OffsetDateTime.now().plus(VALID_FOR).withNano(0);
            int n = jdbc.sql("""
                    insert into points_token (token, account_id, expires_at) values (?, ?, ?) on conflict do nothing""")
                    .params(token, accountId, expires).update();
            if (n == 1 || attempt > 5) {
                return new Token(token, expires);
            }
        }
    }

    /** Locks a live, unused token for this redemption and returns its holder; refused otherwise. */
    Long take(String token) {
        String normalised = token == null ? "" : token.strip().toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                update points_token set used_at = now()
                 where token = ? and used_at is null and expires_at > now() returning account_id""")
                .param(normalised).query(Long.class).optional().orElse(null);
    }

    /** Tokens expired more than a day ago are deleted (they can never be used). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void hourly() {
        sweep();
    }

    int sweep() {
        return jdbc.sql("delete from points_token where expires_at < now() - interval '1 day'").update();
    }
}
