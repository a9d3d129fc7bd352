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

    static Response respond(Problem problem, UriInfo uriInfo) {
        return builder(problem, uriInfo).build();
    }

    static Response.ResponseBuilder builder(Problem problem, UriInfo uriInfo) {
        Problem located = uriInfo == null ? problem : problem.at(uriInfo.getRequestUri());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
    }

    @Provider
    public static class OfProblem implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem(), uriInfo);
        }
    }

    @Provider
    public static class OfConstraintViolation implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(OfConstraintViolation::fieldError)
                    .toList();
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "One or more fields are invalid", errors), uriInfo);
        }

        private static Problem.FieldError fieldError(ConstraintViolation<?> v) {
            // Path is "method.arg0.field": the client only knows the field part.
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            return new Problem.FieldError(parts.length == 3 ? parts[2] : path, v.getMessage());
        }
    }

    @Provider
    public static class OfJsonb implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(JsonbException e) {
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The body is not valid JSON for this resource"), uriInfo);
        }
    }

    /** RESTEasy reports an unreadable body as ReaderException and looks up a mapper for exactly that class. */
    @Provider
    public static class OfUnreadableBody implements ExceptionMapper<ReaderException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ReaderException e) {
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The body could not be read as JSON for this resource"), uriInfo);
        }
    }

    @Provider
    public static class OfProcessing implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProcessingException e) {
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The body could not be read"), uriInfo);
        }
    }

    @Provider
    public static class OfWebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(WebApplicationException e) {
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
            Response.ResponseBuilder response = builder(Problem.of(type, type.title()), uriInfo);
            if (e instanceof NotAllowedException) {
                response.allow(e.getResponse().getAllowedMethods());
            }
            return response.build();
        }
    }

    /** A concurrent writer won the race that If-Match could not see: the same answer as a stale ETag. */
    @Provider
    public static class OfOptimisticLock implements ExceptionMapper<OptimisticLockException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(OptimisticLockException e) {
            return respond(EntityTags.stale().problem(), uriInfo);
        }
    }

    /** A unique key or foreign key refused the write, for example two creates racing on one name. */
    @Provider
    public static class OfPersistence implements ExceptionMapper<PersistenceException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLIntegrityConstraintViolationException) {
                    return respond(Problem.of(ProblemType.CONFLICT, "This conflicts with data that already exists"), uriInfo);
                }
            }
            return new OfAnything().withUri(uriInfo).toResponse(e);
        }
    }

    @Provider
    public static class OfAnything implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uriInfo;

        OfAnything withUri(UriInfo uriInfo) {
            this.uriInfo = uriInfo;
            return this;
        }

        @Override
        public Response toResponse(Throwable e) {
            // Never leak internals to the client; the log keeps the cause.
            LOG.log(Level.SEVERE, "Unhandled error on " + (uriInfo == null ? "?" : uriInfo.getRequestUri()), e);
            return respond(Problem.of(ProblemType.INTERNAL, "Something went wrong on our side"), uriInfo);
        }
    }
}
