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

    /**
     * A page of a list that goes on by cursor: {@code next} is the cursor after the page's last row. The
     * first page and every page asked for by cursor link to the next by cursor, which stays right while
     * rows are added; a page asked for by number links by number, as before.
     */
    public static <T> Response ok(List<T> items, long total, PageRequest request, UriInfo uriInfo, Cursor next) {
        if (request.page() > 0 || (next == null && !request.hasCursor())) {
            return ok(items, total, request, uriInfo);
        }
        Response.ResponseBuilder response = Response.ok(items).header(TOTAL_COUNT, total);
        boolean more = items.size() == request.size() && (request.hasCursor() || request.size() < total);
        if (more) {
            response.links(Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("page").replaceQueryParam("cursor", next.token())
                    .replaceQueryParam("size", request.size())).rel("next").build());
        }
        return response.build();
    }

    /** The cursor after the last of the rows, if there are any. */
    public static <E> Cursor after(List<E> rows, java.util.function.Function<E, Cursor> cursorOf) {
        return rows.isEmpty() ? null : cursorOf.apply(rows.get(rows.size() - 1));
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
