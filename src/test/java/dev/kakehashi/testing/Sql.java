package dev.kakehashi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct reads of the test database, so that tests can prove what was (or was not) written. */
public final class Sql {

    private Sql() {
    }

    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestStack.databaseUrl(),
                System.getProperty("kakehashi.db.user", "kakehashi"), System.getProperty("kakehashi.db.password", "kakehashi"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public static long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** The URL of another database of the test server (same host and port). */
    public static String urlOf(String database) {
        return TestStack.databaseUrl().replaceAll("/[^/]*$", "/" + database);
    }

    /**
     * An empty database of this name on the embedded test MariaDB, usable by the application's user: made by root,
     * which the embedded server has without a password (an external test database does not, so tests that need
     * this assume the embedded one).
     */
    public static String freshDatabase(String name) {
        asRoot("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        // Without grant tables (as the embedded server may run) GRANT is refused and not needed.
        if (!"1".equals(String.valueOf(rows("select @@skip_grant_tables").get(0).values().iterator().next()))) {
            asRoot("GRANT ALL PRIVILEGES ON " + name + ".* TO 'kakehashi'@'%'", "GRANT ALL PRIVILEGES ON " + name + ".* TO 'kakehashi'@'localhost'");
        }
        return urlOf(name);
    }

    public static void dropDatabase(String name) {
        asRoot("DROP DATABASE IF EXISTS " + name);
    }

    private static void asRoot(String... statements) {
        try (Connection connection = DriverManager.getConnection(urlOf(""), "root", "");
             java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }
}
