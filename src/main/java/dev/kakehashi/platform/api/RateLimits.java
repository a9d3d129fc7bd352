package dev.kakehashi.platform.api;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many requests each API client has made in the current minute, counted in the database so that
 * every replica counts against one limit. One statement per request: the row of (client, minute) is
 * created or incremented, and the count comes back in the OK packet ({@code LAST_INSERT_ID(expr)}).
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    static final int WINDOW_SECONDS = 60;
    static final int KEY_LENGTH = 100;

    /** The limit and what is left of it in this window. */
    public record Usage(long limit, long hits, long resetSeconds) {
        public boolean exceeded() {
            return hits > limit;
        }

        public long remaining() {
            return Math.max(0, limit - hits);
        }
    }

    @Resource(lookup = "java:jboss/datasources/KakehashiDS")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kakehashi.api.rate-limit", defaultValue = "1200")
    long limit;

    private ScheduledFuture<?> cleanUp;

    /** Requests per minute per client; 0 turns counting off. */
    public long limit() {
        return limit;
    }

    /**
     * Counts one request of this client. Empty when limits are off or the database does not answer: a
     * limit is a courtesy to the other clients, and an outage is answered by the request itself (503).
     */
    public Optional<Usage> count(String client) {
        if (limit <= 0) {
            return Optional.empty();
        }
        long now = clock.millis() / 1000;
        long window = now - now % WINDOW_SECONDS;
        String key = client.length() > KEY_LENGTH ? client.substring(0, KEY_LENGTH) : client;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("INSERT INTO api_rate_window (client_key, window_start, hits) "
                        + "VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)",
                        Statement.RETURN_GENERATED_KEYS)) {
            count.setQueryTimeout(2);
            count.setString(1, key);
            count.setLong(2, window);
            count.executeUpdate();
            try (ResultSet hits = count.getGeneratedKeys()) {
                long n = hits.next() ? hits.getLong(1) : 1;
                return Optional.of(new Usage(limit, n, window + WINDOW_SECONDS - now));
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Rate limit not counted", e);
            return Optional.empty();
        }
    }

    /** Old windows are deleted every minute, by all replicas alike (the delete is idempotent). */
    void scheduleCleanUp(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        cleanUp = scheduler.scheduleWithFixedDelay(this::forgetOldWindows, WINDOW_SECONDS, WINDOW_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (cleanUp != null) {
            cleanUp.cancel(false);
        }
    }

    void forgetOldWindows() {
        long before = clock.millis() / 1000 - 5L * WINDOW_SECONDS;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM api_rate_window WHERE window_start < ?")) {
            delete.setQueryTimeout(10);
            delete.setLong(1, before);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Old rate-limit windows not deleted", e);
        }
    }
}
