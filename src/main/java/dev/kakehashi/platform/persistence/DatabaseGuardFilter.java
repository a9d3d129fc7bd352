package dev.kakehashi.platform.persistence;

import dev.kakehashi.platform.api.Outages;
import dev.kakehashi.platform.api.ProblemMappers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
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
            request.abortWith(ProblemMappers.answer(Outages.unavailable(Outages.Dependency.DATABASE).problem(),
                    request.getUriInfo().getRequestUri()).build());
        }
    }
}
