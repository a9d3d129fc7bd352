package dev.kakehashi.platform.health;

import dev.kakehashi.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and the schema is migrated: a load balancer may send traffic. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/KakehashiDS")
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("migrated", migration.isMigrated());
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return response.status(valid && migration.isMigrated()).build();
        } catch (SQLException e) {
            return response.withData("error", e.getClass().getSimpleName()).down().build();
        }
    }
}
