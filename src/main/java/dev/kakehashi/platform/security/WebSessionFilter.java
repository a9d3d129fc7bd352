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
@WebFilter(filterName = "web-session", urlPatterns = {"*.xhtml"})
public class WebSessionFilter extends HttpFilter {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(WebSessionFilter.class.getName());

    @Inject
    CallerAuthenticator authenticator;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        if (oidc != null) {
            try {
                Caller caller = authenticator.authenticate(oidc.getTokenString());
                String page = request.getServletPath();
                if (caller.isOperator() && !page.startsWith("/admin/")) {
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
