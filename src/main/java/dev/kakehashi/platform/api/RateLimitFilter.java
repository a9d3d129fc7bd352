package dev.kakehashi.platform.api;

import dev.kakehashi.platform.security.CallerContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells an API client that loops too fast, instead of slowing it silently: every answer to a signed-in
 * client carries the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} headers, and a request
 * over the limit is answered 429 with {@code Retry-After} (the seconds until the window turns).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    private static final String USAGE = RateLimitFilter.class.getName();

    @Inject
    RateLimits limits;

    @Inject
    CallerContext callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!callers.isAuthenticated()) {
            return;
        }
        limits.count("caller:" + callers.caller().userId()).ifPresent(usage -> {
            request.setProperty(USAGE, usage);
            if (usage.exceeded()) {
                Problem problem = Problem.of(ProblemType.RATE_LIMITED, "More than " + usage.limit()
                        + " requests in a minute: retry after " + usage.resetSeconds() + " s");
                request.abortWith(ProblemMappers.answer(problem, request.getUriInfo().getRequestUri())
                        .header(HttpHeaders.RETRY_AFTER, usage.resetSeconds()).build());
            }
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(USAGE) instanceof RateLimits.Usage usage) {
            response.getHeaders().putSingle(POLICY, "\"per-client\";q=" + usage.limit() + ";w=" + RateLimits.WINDOW_SECONDS);
            response.getHeaders().putSingle(STATE, "\"per-client\";r=" + usage.remaining() + ";t=" + usage.resetSeconds());
        }
    }
}
