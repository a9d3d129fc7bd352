package dev.kakehashi.platform.persistence;

import dev.kakehashi.platform.api.Outages;
import dev.kakehashi.platform.api.ProblemMappers;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A circuit breaker in front of the database. The first request that fails because the database does
 * not answer (each wait is bounded: pool, connect and socket timeouts of the datasource) opens it; from
 * then on requests answer 503 at once instead of each waiting out the timeouts, and one probe asks the
 * database every second. The first answer closes it again, so service resumes by itself.
 */
@ApplicationScoped
public class DatabaseGuard implements ProblemMappers.OutageListener {

    private static final Logger LOG = Logger.getLogger(DatabaseGuard.class.getName());

    @Resource(lookup = "java:jboss/datasources/KakehashiDS")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kakehashi.db.probe-interval-millis", defaultValue = "1000")
    long probeIntervalMillis;

    private volatile Instant openedAt;
    private ScheduledFuture<?> probe;

    /** Whether requests should be refused without asking the database. */
    public boolean isOpen() {
        return openedAt != null;
    }

    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public void outage(Outages.Dependency dependency, Throwable failure) {
        if (dependency == Outages.Dependency.DATABASE) {
            open(failure);
        }
    }

    synchronized void open(Throwable failure) {
        if (openedAt != null) {
            return;
        }
        openedAt = clock.instant();
        LOG.warning(() -> "The database does not answer (" + failure + "); answering 503 until it does");
        probe = scheduler.scheduleWithFixedDelay(this::probe, probeIntervalMillis, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (answers()) {
            close();
        }
    }

    /** One bounded question to the database: a connection from the pool and a ping of at most two seconds. */
    boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized void close() {
        if (openedAt == null) {
            return;
        }
        Instant since = openedAt;
        openedAt = null;
        if (probe != null) {
            probe.cancel(false);
            probe = null;
        }
        LOG.info(() -> "The database answers again after " + java.time.Duration.between(since, clock.instant()).toMillis() + " ms");
    }

    @PreDestroy
    synchronized void stop() {
        if (probe != null) {
            probe.cancel(true);
        }
    }
}
