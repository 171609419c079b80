package org.linli.applications.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param storageDir     where uploaded materials are kept (default: {@code files/} in the data directory)
 * @param maxFileSize    the largest file accepted
 * @param retention      how long materials are kept after an application is closed
 * @param purgeInterval  how often the retention sweep runs
 */
@ConfigurationProperties("linli.applications")
record ApplicationProperties(Path storageDir, @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("180d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
}
