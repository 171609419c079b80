package org.linli.platform.internal.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for {@link org.linli.platform.SensitiveData} ({@code linli.crypto.*}).
 *
 * @param keys       key id → base64 AES key (32 bytes); add a new one to rotate, keep the old ones
 * @param currentKey the id of the key new values are sealed with
 * @param hashKey    base64 HMAC key for look-up hashes (cannot rotate without rehashing every row)
 * When nothing is configured, a key set is generated once into the data directory.
 */
@ConfigurationProperties("linli.crypto")
public record CryptoProperties(Map<String, String> keys, String currentKey, String hashKey) {
}
