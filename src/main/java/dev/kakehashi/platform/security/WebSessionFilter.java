package dev.kakehashi.platform.security;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * For the web UI, WildFly's OIDC client signs the person in (code flow) and keeps the tokens in the
 * session; this filter hands the session's access token to the same {@link CallerAuthenticator} the
 * API uses, so pages and API agree on who the caller is and for which company.
 */
@WebFilter(filterName = "web-session", urlPatterns = {"*.xhtml"},
        dispatcherTypes = {jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR})
public class WebSessionFilter extends HttpFilter {

    /** The pages that say something went wrong: shown to anyone, the operator included. */
    static final java.util.Set<String> ERROR_PAGES = java.util.Set.of("/not-found.xhtml", "/forbidden.xhtml", "/unavailable.xhtml",
            "/refused.xhtml");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(WebSessionFilter.class.getName());

    @Inject
    CallerAuthenticator authenticator;

    @Inject
    CallerContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        // Stylesheets and scripts carry no data: they are served to whoever asks, the operator included.
        boolean resource = request.getServletPath().startsWith("/jakarta.faces.resource/");
        boolean errorPage = request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
        if (errorPage) {
            // The error page speaks the person's language when it can tell who that is; it never fails for it.
            if (oidc != null && !context.isAuthenticated()) {
                try {
                    authenticator.authenticate(oidc.getTokenString());
                } catch (RuntimeException e) {
                    LOG.fine(() -> "Error page without the caller: " + e);
                }
            }
            chain.doFilter(request, response);
            return;
        }
        if (oidc != null && !resource) {
            try {
                Caller caller = authenticator.authenticate(oidc.getTokenString());
                String page = request.getServletPath();
                if (caller.isOperator() && !page.startsWith("/admin/") && !ERROR_PAGES.contains(page)) {
                    // Company pages show company data, which the operator never sees: its home is onboarding.
                    response.sendRedirect(request.getContextPath() + "/admin/companies.xhtml");
                    return;
                }
                if (!caller.isOperator() && page.startsWith("/admin/")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            } catch (ProblemException e) {
                LOG.warning(() -> "Refused web sign-in of " + request.getUserPrincipal().getName() + ": " + e.getMessage());
                request.setAttribute("kakehashi.problem", e.problem().type().toString());
                response.sendError(e.problem().status());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
