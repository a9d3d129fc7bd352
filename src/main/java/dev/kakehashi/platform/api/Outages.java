package dev.kakehashi.platform.api;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a failure of a dependency (the database not answering, the pool empty, a connection cut)
 * apart from a fault of ours, by the causes it carries. Such a failure answers 503 with Retry-After,
 * never 500: the client should simply try again shortly.
 */
public final class Outages {

    public enum Dependency { DATABASE, STORAGE }

    /** Seconds a client should wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Outages() {
    }

    public static Optional<Dependency> of(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException) {
                return Optional.of(Dependency.DATABASE);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return Optional.of(Dependency.DATABASE);
            }
            String name = cause.getClass().getName();
            // The connection pool (IronJacamar) and Hibernate name these without a common SQL type.
            if (name.equals("jakarta.resource.ResourceException") || name.startsWith("jakarta.resource.spi.")
                    || name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")
                    || name.equals("org.hibernate.exception.LockTimeoutException")) {
                return Optional.of(Dependency.DATABASE);
            }
            if (cause instanceof StorageUnavailableException) {
                return Optional.of(Dependency.STORAGE);
            }
        }
        return Optional.empty();
    }

    /** A network failure of an HTTP dependency (Keycloak, object storage): refused, timed out. */
    public static boolean isNetworkFailure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectException || cause instanceof HttpTimeoutException
                    || cause instanceof java.net.UnknownHostException || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    public static ProblemException unavailable(Dependency dependency) {
        return new ProblemException(dependency == Dependency.DATABASE ? ProblemType.SERVICE_UNAVAILABLE : ProblemType.STORAGE_UNAVAILABLE,
                dependency == Dependency.DATABASE ? "The database does not answer right now; try again in a few seconds"
                        : "Document storage does not answer right now; try again in a few seconds");
    }

    /** Document storage could not be reached or did not answer in time. */
    public static class StorageUnavailableException extends RuntimeException {
        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
