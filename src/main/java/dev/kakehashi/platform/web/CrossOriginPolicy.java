package dev.kakehashi.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access to the API and its OpenAPI document. None by default: ERP systems call the API
 * from servers, not from browsers of other sites. An operator may allow some origins
 * ({@code KAKEHASHI_CORS_ALLOWED_ORIGINS}, exact origins separated by commas); those get CORS headers
 * and their preflights are answered here. Credentials (cookies) are never allowed across origins: the
 * API takes bearer tokens only.
 */
@WebFilter(filterName = "cross-origin", urlPatterns = {"/api/*", "/openapi", "/openapi/*"})
public class CrossOriginPolicy extends HttpFilter {

    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String REQUEST_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Range, Accept, Accept-Language";
    static final String EXPOSED_HEADERS = "ETag, Location, Link, X-Total-Count, Idempotent-Replayed, Content-Range, Content-Disposition, Retry-After";

    @Inject
    @ConfigProperty(name = "kakehashi.cors.allowed-origins")
    Optional<List<String>> allowedOrigins;

    private Set<String> allowed() {
        return allowedOrigins.orElse(List.of()).stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.replaceAll("/+$", "")).collect(Collectors.toSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean permitted = allowed().contains(origin);
        response.addHeader("Vary", "Origin");
        if (preflight) {
            if (!permitted) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            String method = request.getHeader("Access-Control-Request-Method");
            if (Arrays.stream(METHODS.split(", ")).noneMatch(method::equals)) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (permitted) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }
}
