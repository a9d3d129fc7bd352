package dev.kakehashi.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API answer, errors included: no content sniffing, and no caching of company data by anyone
 * (an answer that may be kept, such as a revision's immutable content, says so itself).
 */
@Provider
public class ApiResponseHeaders implements ContainerResponseFilter {

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (response.getStatus() >= 400 && resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(LargeBody.class)) {
            // A refused upload: the rest of its body is not read (the connection closes instead of draining it).
            response.getHeaders().putSingle("Connection", "close");
        }
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
