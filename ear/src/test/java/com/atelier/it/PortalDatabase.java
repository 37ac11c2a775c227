package com.atelier.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to the portal's test database, as the application's own database user. */
final class PortalDatabase {

    private PortalDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Portal.DB_URL, "atelier", "atelier");
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
