package dev.kakehashi.platform.security;

import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs a bearer token; without one, or with a bad one, the answer is 401 problem+json
 * with a {@code WWW-Authenticate: Bearer} challenge, never a redirect to a login page.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    CallerAuthenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        try {
            Caller caller = authenticator.authenticate(token);
            if (caller.isOperator() && !isOperatorPath(request.getUriInfo().getPath())) {
                // Company data does not exist for the platform operator, whatever the endpoint.
                throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
            }
        } catch (ProblemException e) {
            Problem problem = e.problem().at(request.getUriInfo().getRequestUri());
            Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
            if (problem.status() == 401) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kakehashi\"");
            }
            request.abortWith(response.build());
        }
    }

    /** What the platform operator may call: onboarding, and who it is. */
    static boolean isOperatorPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("me") || p.equals("admin") || p.startsWith("admin/");
    }
}
