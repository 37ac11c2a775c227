package com.atelier.governance.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Checks that PostgreSQL answers through the application's own datasource. */
@ApplicationScoped
public class DatabaseProbe implements DependencyProbe {

    @Resource(lookup = "java:jboss/datasources/AtelierDS")
    private DataSource dataSource;

    @Override
    public String dependency() {
        return "database";
    }

    @Override
    public DependencyStatus check(Duration timeout) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            boolean valid = connection.isValid(seconds);
            String product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            return valid ? DependencyStatus.up(dependency(), product, DependencyStatus.millisSince(start))
                    : DependencyStatus.down(dependency(), "PostgreSQL did not answer within " + seconds + " s.",
                    DependencyStatus.millisSince(start));
        } catch (SQLException | RuntimeException e) {
            return DependencyStatus.down(dependency(), "PostgreSQL is unreachable (" + e.getMessage()
                    + "). Start it with `./atelier up` or check ATELIER_DB_URL.", DependencyStatus.millisSince(start));
        }
    }
}
