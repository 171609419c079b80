package org.linli.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.identity.RoleGrant;
import org.linli.platform.LinliException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens: a short-lived signed access token and a refresh token kept (hashed) in the database.
 * A sign-in starts a family; refreshing rotates within it; revoking ends the family, and access
 * tokens of a revoked family are refused at once (their {@code sid} is checked on every request).
 * Presenting a refresh token that was already rotated revokes its family (it was copied).
 */
@Service
public class Tokens {

    private final JwtEncoder encoder;
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final AccountRepository accounts;
    private final TransactionTemplate transactions;

    Tokens(JwtEncoder encoder, JdbcClient jdbc, IdentityProperties properties, AccountRepository accounts,
            TransactionTemplate transactions) {
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.properties = properties;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    public record Pair(String accessToken, String refreshToken, long expiresIn, List<RoleGrant> grants) {
    }

    public Pair issue(long accountId) {
        return transactions.execute(status -> newPair(accountId, UUID.randomUUID()));
    }

    public Pair refresh(String refreshToken) {
        Object outcome = transactions.execute(status -> {
            var row = jdbc.sql("""
                    select id, account_id, family_id, replaced_at is not null as replaced,
                           revoked_at is not null or expires_at <= now() as dead
                      from refresh_token where token_hash = ? for update
                    """).param(Hashing.sha256(refreshToken == null ? "" : refreshToken))
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class),
                            rs.getBoolean(4), rs.getBoolean(5)})
                    .optional().orElse(null);
            if (row == null || (Boolean) row[4]) {
                return LinliException.unauthorized("TOKEN_INVALID");
            }
            if ((Boolean) row[3]) {
                revokeFamily((UUID) row[2]);
                return LinliException.unauthorized("TOKEN_INVALID");
            }
            jdbc.sql("update refresh_token set replaced_at = now() where id = ?").param(row[0]).update();
            return newPair((Long) row[1], (UUID) row[2]);
        });
        if (outcome instanceof LinliException refusal) {
            throw refusal;
        }
        return (Pair) outcome;
    }

    /** Ends the sign-in the refresh token belongs to. Unknown tokens are ignored (revoking is idempotent). */
    public void revoke(String refreshToken) {
        jdbc.sql("select family_id from refresh_token where token_hash = ?").param(Hashing.sha256(refreshToken))
                .query(UUID.class).optional().ifPresent(this::revokeFamily);
    }

    public boolean familyActive(UUID familyId) {
        return jdbc.sql("""
                select exists (select 1 from refresh_token where family_id = ? and revoked_at is null)
                """).param(familyId).query(Boolean.class).single();
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_token set revoked_at = now() where family_id = ? and revoked_at is null")
                .param(familyId).update();
    }

    private Pair newPair(long accountId, UUID familyId) {
        String refresh = Hashing.token();
        jdbc.sql("""
                insert into refresh_token (account_id, family_id, token_hash, expires_at)
                values (?, ?, ?, now() + make_interval(secs => ?))
                """).params(accountId, familyId, Hashing.sha256(refresh), properties.refreshTokenTtl().toSeconds())
                .update();
        List<RoleGrant> grants = accounts.grants(accountId);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("linli")
                .subject(String.valueOf(accountId))
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("sid", familyId.toString())
                .claim("roles", grants.stream().map(g -> Map.of("role", g.role().name(), "scope", g.centerCode()))
                        .toList())
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Pair(access, refresh, properties.accessTokenTtl().toSeconds(), grants);
    }
}
