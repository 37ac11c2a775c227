package com.atelier.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to the portal's test database, as the application's own database user. */
final class PortalDatabase {

    private PortalDatabase() {
    }

    /**
     * A connection for reading what the portal wrote. Audit events reach {@code audit_entry} moments after the
     * request that made them has answered (docs/audit.md), so this first waits, at most 10 s, until every event
     * committed so far is chained, as the portal's own readers of the trail do.
     */
    static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(Portal.DB_URL, "atelier", "atelier");
        try (var query = connection.createStatement();
             var newest = query.executeQuery("SELECT max(id) FROM audit_intake")) {
            newest.next();
            long mark = newest.getLong(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!newest.wasNull() && System.nanoTime() < deadline) {
                try (var waiting = connection.prepareStatement(
                        "SELECT EXISTS (SELECT 1 FROM audit_intake WHERE id <= ?)")) {
                    waiting.setLong(1, mark);
                    try (var rs = waiting.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            break;
                        }
                    }
                }
                sleep();
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
