package org.linli.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import org.linli.platform.LinliProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One PostgreSQL for everything: embedded by default, external when {@code LINLI_DB_URL} is set. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties db, LinliProperties linli) {
        return db.external()
                ? EmbeddedDatabase.none()
                : EmbeddedDatabase.start(linli.dataDir().resolve("postgres"), db.embeddedPort());
    }

    /** Depends on the embedded server, so it is closed first at shutdown. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase embedded, DatabaseProperties db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("linli");
        pool.setMaximumPoolSize(db.poolSize());
        pool.setConnectionTimeout(db.connectionTimeout().toMillis());
        if (embedded.running()) {
            pool.setJdbcUrl(embedded.jdbcUrl());
            pool.setUsername("postgres");
        } else {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
        }
        return pool;
    }
}
