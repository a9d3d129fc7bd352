package dev.kakehashi.platform.api;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.spi.ReaderException;

/** Every error of the API leaves as application/problem+json, whoever threw it. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Turns one kind of exception into a problem, located at the request URI. */
    abstract static class ToProblem<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        UriInfo uriInfo;

        abstract Problem problemOf(E exception);

        @Override
        public Response toResponse(E exception) {
            return builder(problemOf(exception)).build();
        }

        Response.ResponseBuilder builder(Problem problem) {
            return answer(problem, uriInfo == null ? null : uriInfo.getRequestUri());
        }
    }

    /** The answer of a problem at the request's address; a 503 says when to try again. */
    public static Response.ResponseBuilder answer(Problem problem, java.net.URI requestUri) {
        Problem located = requestUri == null ? problem : problem.at(requestUri);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, Outages.RETRY_AFTER_SECONDS);
        }
        return response;
    }

    /**
     * What a failure that is not a problem of its own means for the client: a body over its limit
     * (413), a dependency that does not answer (503), or else nothing known (empty).
     */
    static java.util.Optional<Problem> knownCause(Throwable e, OutageListener listener) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return java.util.Optional.of(tooLarge.problem().problem());
            }
            if (cause instanceof ProblemException problem) {
                return java.util.Optional.of(problem.problem());
            }
        }
        java.util.Optional<Problem> outage = Outages.of(e).map(dependency -> {
            if (listener != null) {
                listener.outage(dependency, e);
            }
            LOG.warning(() -> dependency + " unavailable: " + e);
            return Outages.unavailable(dependency).problem();
        });
        if (outage.isEmpty() && Outages.isNetworkFailure(e)) {
            // A call to another service (Keycloak, object storage) that was refused or timed out
            LOG.warning(() -> "A dependency did not answer: " + e);
            return java.util.Optional.of(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A service Kakehashi depends on did not answer in time"));
        }
        return outage;
    }

    /** Told when a request failed because a dependency did not answer (the database guard listens). */
    public interface OutageListener {
        void outage(Outages.Dependency dependency, Throwable failure);
    }

    @Provider
    public static class OfProblem extends ToProblem<ProblemException> {
        @Override
        Problem problemOf(ProblemException e) {
            return e.problem();
        }
    }

    @Provider
    public static class OfConstraintViolation extends ToProblem<ConstraintViolationException> {
        @Override
        Problem problemOf(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(OfConstraintViolation::fieldError)
                    .toList();
            return Problem.of(ProblemType.INVALID_REQUEST, "One or more fields are invalid", errors);
        }

        private static Problem.FieldError fieldError(ConstraintViolation<?> v) {
            // Path is "method.arg0.field": the client only knows the field part.
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            return new Problem.FieldError(parts.length == 3 ? parts[2] : path, v.getMessage());
        }
    }

    @Provider
    public static class OfJsonb extends ToProblem<JsonbException> {
        @Override
        Problem problemOf(JsonbException e) {
            return knownCause(e, null).orElse(Problem.of(ProblemType.INVALID_REQUEST, "The body is not valid JSON for this resource"));
        }
    }

    /** RESTEasy reports an unreadable body as ReaderException and looks up a mapper for exactly that class. */
    @Provider
    public static class OfUnreadableBody extends ToProblem<ReaderException> {
        @Override
        Problem problemOf(ReaderException e) {
            return knownCause(e, null).orElse(Problem.of(ProblemType.INVALID_REQUEST, "The body could not be read as JSON for this resource"));
        }
    }

    @Provider
    public static class OfProcessing extends ToProblem<ProcessingException> {
        @Override
        Problem problemOf(ProcessingException e) {
            return knownCause(e, null).orElse(Problem.of(ProblemType.INVALID_REQUEST, "The body could not be read"));
        }
    }

    @Provider
    public static class OfWebApplication extends ToProblem<WebApplicationException> {
        @Override
        Problem problemOf(WebApplicationException e) {
            ProblemType type;
            if (e instanceof NotFoundException) {
                type = ProblemType.NOT_FOUND;
            } else if (e instanceof NotAllowedException) {
                type = ProblemType.METHOD_NOT_ALLOWED;
            } else if (e instanceof NotSupportedException) {
                type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
            } else if (e instanceof NotAcceptableException) {
                type = ProblemType.NOT_ACCEPTABLE;
            } else if (e.getResponse().getStatus() == 412) {
                type = ProblemType.STALE_ETAG;
            } else if (e.getResponse().getStatus() < 500) {
                type = ProblemType.INVALID_REQUEST;
            } else {
                type = ProblemType.INTERNAL;
            }
            return Problem.of(type, type.title());
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.ResponseBuilder response = builder(problemOf(e));
            if (e instanceof NotAllowedException) {
                response.allow(e.getResponse().getAllowedMethods());
            }
            return response.build();
        }
    }

    /** A concurrent writer won the race that If-Match could not see: the same answer as a stale ETag. */
    @Provider
    public static class OfOptimisticLock extends ToProblem<OptimisticLockException> {
        @Override
        Problem problemOf(OptimisticLockException e) {
            return EntityTags.stale().problem();
        }
    }

    /** A unique key or foreign key refused the write, for example two creates racing on one name. */
    @Provider
    public static class OfPersistence extends ToProblem<PersistenceException> {
        @jakarta.inject.Inject
        jakarta.enterprise.inject.Instance<OutageListener> listeners;

        @Override
        Problem problemOf(PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLIntegrityConstraintViolationException) {
                    return Problem.of(ProblemType.CONFLICT, "This conflicts with data that already exists");
                }
            }
            return knownCause(e, OfAnything.listener(listeners)).orElseGet(() -> OfAnything.internal(e, uriInfo));
        }
    }

    @Provider
    public static class OfAnything extends ToProblem<Throwable> {
        @jakarta.inject.Inject
        jakarta.enterprise.inject.Instance<OutageListener> listeners;

        @Override
        Problem problemOf(Throwable e) {
            return knownCause(e, listener(listeners)).orElseGet(() -> internal(e, uriInfo));
        }

        static OutageListener listener(jakarta.enterprise.inject.Instance<OutageListener> listeners) {
            return listeners == null || !listeners.isResolvable() ? null : listeners.get();
        }

        static Problem internal(Throwable e, UriInfo uriInfo) {
            // Never leak internals to the client; the log keeps the cause.
            LOG.log(Level.SEVERE, "Unhandled error on " + (uriInfo == null ? "?" : uriInfo.getRequestUri()), e);
            return Problem.of(ProblemType.INTERNAL, "Something went wrong on our side");
        }
    }
}
