package org.linli.platform.internal.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.linli.platform.LinliProperties;
import org.linli.platform.SensitiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SensitiveData sensitiveData(CryptoProperties properties, LinliProperties linli) {
        if (properties.keys() != null && !properties.keys().isEmpty()) {
            Map<String, byte[]> keys = new LinkedHashMap<>();
            properties.keys().forEach((id, key) -> keys.put(id, AesGcmSensitiveData.decode(key)));
            if (properties.hashKey() == null) {
                throw new IllegalStateException("linli.crypto.hash-key is required when linli.crypto.keys is set");
            }
            return new AesGcmSensitiveData(keys, properties.currentKey(), AesGcmSensitiveData.decode(properties.hashKey()));
        }
        Properties kept = keptIn(linli.dataDir().resolve("crypto-keys.properties"));
        return new AesGcmSensitiveData(Map.of("k1", AesGcmSensitiveData.decode(kept.getProperty("k1"))), "k1",
                AesGcmSensitiveData.decode(kept.getProperty("hash")));
    }

    private static Properties keptIn(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                return properties;
            }
            Files.createDirectories(file.getParent());
            SecureRandom random = new SecureRandom();
            for (String name : new String[] {"k1", "hash"}) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                properties.setProperty(name, Base64.getEncoder().encodeToString(key));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Linli data keys: back this file up with the database; losing it loses the data");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("Cannot restrict permissions of {}", file);
            }
            log.warn("Generated data encryption keys in {}; set linli.crypto.* in production", file);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
