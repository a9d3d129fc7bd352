package dev.kakehashi.platform.health;

import dev.kakehashi.platform.persistence.DatabaseGuard;
import dev.kakehashi.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and the schema is migrated: a load balancer may send traffic.
 * The question is asked off the probe's thread and given two seconds, so that a database that stalls
 * makes the probe answer DOWN promptly instead of hanging it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/KakehashiDS")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DatabaseMigration migration;

    @Inject
    DatabaseGuard guard;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("migrated", migration.isMigrated());
        if (guard.isOpen()) {
            return response.withData("error", "not answering since " + guard.openedAt()).down().build();
        }
        Future<Boolean> answer = executor.submit(this::answers);
        try {
            boolean valid = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return response.status(valid && migration.isMigrated()).build();
        } catch (TimeoutException e) {
            answer.cancel(true);
            guard.outage(dev.kakehashi.platform.api.Outages.Dependency.DATABASE, e);
            return response.withData("error", "no answer within " + TIMEOUT_SECONDS + " s").down().build();
        } catch (Exception e) {
            guard.outage(dev.kakehashi.platform.api.Outages.Dependency.DATABASE, e);
            return response.withData("error", e.getClass().getSimpleName()).down().build();
        }
    }

    private boolean answers() throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        }
    }
}
