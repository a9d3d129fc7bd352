package dev.kakehashi.platform.persistence;

import dev.kakehashi.platform.api.Outages;
import dev.kakehashi.platform.api.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** While the database does not answer, every API request answers 503 at once (before the token is even looked at). */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class DatabaseGuardFilter implements ContainerRequestFilter {

    @Inject
    DatabaseGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        if (guard.isOpen()) {
            Problem problem = Outages.unavailable(Outages.Dependency.DATABASE).problem().at(request.getUriInfo().getRequestUri());
            request.abortWith(Response.status(503).type(Problem.MEDIA_TYPE).entity(problem)
                    .header(HttpHeaders.RETRY_AFTER, Outages.RETRY_AFTER_SECONDS).build());
        }
    }
}
