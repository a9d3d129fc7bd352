package dev.kakehashi.platform.api;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** Answers a page of a list with {@code X-Total-Count} and RFC 8288 {@code Link} (next, prev). */
public final class Paged {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private Paged() {
    }

    public static <T> Response ok(List<T> items, long total, PageRequest request, UriInfo uriInfo) {
        Response.ResponseBuilder response = Response.ok(items).header(TOTAL_COUNT, total);
        for (Link link : links(total, request, uriInfo.getRequestUriBuilder())) {
            response.links(link);
        }
        return response.build();
    }

    static List<Link> links(long total, PageRequest request, UriBuilder requestUri) {
        List<Link> links = new ArrayList<>(2);
        if ((long) (request.page() + 1) * request.size() < total) {
            links.add(link(requestUri, request.page() + 1, request.size(), "next"));
        }
        if (request.page() > 0) {
            long lastPage = total == 0 ? 0 : (total - 1) / request.size();
            links.add(link(requestUri, (int) Math.min(request.page() - 1, lastPage), request.size(), "prev"));
        }
        return links;
    }

    private static Link link(UriBuilder requestUri, int page, int size, String rel) {
        return Link.fromUriBuilder(requestUri.clone().replaceQueryParam("page", page).replaceQueryParam("size", size))
                .rel(rel).build();
    }
}
