package org.linli.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A second, separate connection pool on the test's database: a second "instance" for concurrency tests. */
public final class SecondPool {

    private SecondPool() {
    }

    public static HikariDataSource of(DataSource primary) throws SQLException {
        HikariDataSource main = primary.unwrap(HikariDataSource.class);
        HikariDataSource second = new HikariDataSource();
        second.setJdbcUrl(main.getJdbcUrl());
        second.setUsername(main.getUsername());
        second.setPassword(main.getPassword());
        second.setMaximumPoolSize(10);
        return second;
    }
}
