package org.linli.platform.internal.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database. With no {@code url} (environment {@code LINLI_DB_URL}) Linli starts an embedded
 * PostgreSQL of its own under the data directory; with one it uses that server and starts none.
 *
 * @param embeddedPort port of the embedded server; 0 picks a free one
 */
@ConfigurationProperties("linli.db")
public record DatabaseProperties(
        String url,
        @DefaultValue("postgres") String user,
        String password,
        @DefaultValue("10") int poolSize,
        @DefaultValue("0") int embeddedPort,
        // how long a request waits for a connection before it is told the database is unavailable (503); long
        // enough that a busy pool under load is not mistaken for a database that is away
        @DefaultValue("10s") java.time.Duration connectionTimeout) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
