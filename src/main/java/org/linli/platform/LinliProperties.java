package org.linli.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module may read.
 *
 * @param demo    demo mode: load the demo district once, show the demo banner, open the demo-only API paths
 * @param dataDir where the embedded database and the log files live
 */
@ConfigurationProperties("linli")
public record LinliProperties(@DefaultValue("false") boolean demo, @DefaultValue("./data") Path dataDir) {
}
