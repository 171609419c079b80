package org.linli.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules ({@code linli.auth.*}).
 *
 * @param otpValidity         how long a code is valid
 * @param otpInterval         at most one code per phone in this interval
 * @param otpPerPhonePerHour  codes per phone per hour
 * @param otpPerClientPerHour codes per client address per hour (a center's hall Wi-Fi puts many residents
 *                            behind one address, so this is higher than the per-phone limit)
 * @param otpMaxAttempts      wrong tries that void a code
 * @param maxFailedPasswords  wrong passwords that lock an account
 * @param lockDuration        how long a lock lasts
 * @param passwordMaxAge      after this an administrator must choose a new password (等保: 90 days)
 * @param accessTokenTtl      lifetime of an API access token
 * @param refreshTokenTtl     lifetime of an API refresh token
 * @param tokenSecret         base64 HMAC key (≥ 32 bytes) for access tokens; shared by all instances.
 *                            When unset, one is generated and kept in the data directory.
 */
@ConfigurationProperties("linli.auth")
public record IdentityProperties(
        @DefaultValue("5m") Duration otpValidity,
        @DefaultValue("60s") Duration otpInterval,
        @DefaultValue("5") int otpPerPhonePerHour,
        @DefaultValue("100") int otpPerClientPerHour,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue("5") int maxFailedPasswords,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("90d") Duration passwordMaxAge,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        String tokenSecret) {
}
