package dev.kakehashi.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What every page of the web UI tells the browser: never frame it (clickjacking), send no referrer to
 * other sites, sniff no content types, and behind TLS only ever come back over TLS. The scripts a page
 * may run are named per response by PrimeFaces' CSP mode (a nonce; see web.xml); this policy adds what
 * holds for every answer, static ones and error pages included.
 */
@WebFilter(filterName = "web-security-headers", urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class WebSecurityHeaders extends HttpFilter {

    static final String POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
