package dev.kakehashi.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs out of Kakehashi and of the Keycloak session (RP-initiated logout), then returns to the
 * start page, which asks to sign in again.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.issuer", defaultValue = "http://localhost:8180/realms/kakehashi")
    String issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        String idToken = oidc == null ? null : oidc.getIDTokenString();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        StringBuilder endSession = new StringBuilder(issuer).append("/protocol/openid-connect/logout?client_id=kakehashi-web")
                .append("&post_logout_redirect_uri=").append(URLEncoder.encode(home, StandardCharsets.UTF_8));
        if (idToken != null) {
            endSession.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
        }
        response.sendRedirect(endSession.toString());
    }
}
