package dev.kakehashi.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what a page's form may send before the server reads it: a form of fields is small (the same limit
 * as a JSON body of the API) when its length is declared; a body of unknown length (chunked through a proxy,
 * HTTP/2) is counted by the entity limit {@link BodyLimitBeforeSignIn} sets. The file chunks of an upload come
 * as multipart, bounded by the Faces servlet's multipart configuration (web.xml).
 */
@WebFilter(filterName = "form-body-limit", urlPatterns = "*.xhtml")
public class FormBodyLimit extends HttpFilter {

    @Inject
    @ConfigProperty(name = "kakehashi.api.max-json-bytes", defaultValue = "1048576")
    long maxFormBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if ("POST".equals(request.getMethod()) && !type.startsWith("multipart/")) {
            // Without a declared length (chunked through a proxy, HTTP/2) the server's entity limit counts it
            long length = request.getContentLengthLong();
            if (length > maxFormBytes) {
                response.setHeader("Connection", "close");
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
