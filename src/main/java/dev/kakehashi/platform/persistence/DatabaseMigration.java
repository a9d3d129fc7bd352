package dev.kakehashi.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        migrated = true;
        migratedEvent.fire(new Migrated(demoData));
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now; demo data " + (demoData ? "on" : "off") + ")");
    }

    public boolean isMigrated() {
        return migrated;
    }
}
