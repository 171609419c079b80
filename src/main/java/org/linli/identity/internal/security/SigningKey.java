package org.linli.identity.internal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs access tokens: from configuration ({@code LINLI_AUTH_TOKEN_SECRET}), or
 * generated once and kept in the data directory (fine for one instance and for the demo).
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    static SecretKey load(String configured, Path dataDir) {
        byte[] bytes = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.trim())
                : keptIn(dataDir.resolve("token-secret"));
        if (bytes.length < 32) {
            throw new IllegalStateException("linli.auth.token-secret must be at least 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("Cannot restrict permissions of {}", file);
            }
            log.info("Generated a token signing key in {}; set LINLI_AUTH_TOKEN_SECRET when running several instances", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
