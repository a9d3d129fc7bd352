package dev.kakehashi.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts, before any request.
 * Hibernate never touches the schema. Replicas starting together are serialised by Flyway's lock.
 * With {@code KAKEHASHI_DEMO_DATA=true} the demo companies are added by repeatable migrations.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    /** JGroups' JDBC_PING table, through which replicas find each other (see kakehashi.cli). */
    private static final String CLUSTER_DISCOVERY_TABLE = "JGROUPSPING";

    @Resource(lookup = "java:jboss/datasources/KakehashiDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "kakehashi.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    Event<Migrated> migratedEvent;

    private volatile boolean migrated;

    /** Fired once the schema is current, for work that needs it at start (the demo documents). */
    public record Migrated(boolean demoData) {
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (demoData) {
            locations.add("classpath:db/demo");
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(withoutSocketTimeout(dataSource))
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                // A new database may already hold the replicas' discovery table, which JGroups creates before
                // the application starts; Flyway would refuse such a schema as "non-empty" and unknown.
                .baselineOnMigrate(holdsOnlyClusterDiscovery())
                .baselineVersion("0")
                .load()
                .migrate();
        migrated = true;
        migratedEvent.fire(new Migrated(demoData));
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now; demo data " + (demoData ? "on" : "off") + ")");
    }

    /**
     * The pool's connections give up on a silent database after a few seconds (socketTimeout), which is
     * what requests need; a migration may rightly run for minutes (a backfill), so its connections wait
     * as long as it takes, and get their timeout back before they return to the pool.
     */
    static DataSource withoutSocketTimeout(DataSource pool) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? untimed(connection) : result;
                });
    }

    private static Connection untimed(Connection connection) throws SQLException {
        int before = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, 0);
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        connection.setNetworkTimeout(Runnable::run, before);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private boolean holdsOnlyClusterDiscovery() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement tables = connection.prepareStatement(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
             ResultSet rows = tables.executeQuery()) {
            Set<String> names = new HashSet<>();
            while (rows.next()) {
                names.add(rows.getString(1).toUpperCase(Locale.ROOT));
            }
            return names.equals(Set.of(CLUSTER_DISCOVERY_TABLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables", e);
        }
    }

    public boolean isMigrated() {
        return migrated;
    }
}
