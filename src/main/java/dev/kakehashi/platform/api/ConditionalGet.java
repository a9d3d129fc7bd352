package dev.kakehashi.platform.api;

import dev.kakehashi.platform.Digests;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Conditional GETs (RFC 9110): a GET whose If-None-Match names the answer's ETag is answered 304
 * without a body, so that an ERP job polling a list or a resource pays for a change only. A JSON
 * answer without an ETag of its own (a list) gets a weak one over its body and paging headers.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR + 100)
public class ConditionalGet implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null && response.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
                && !(response.getEntity() instanceof String)) {
            String json = JsonConfig.JSONB.toJson(response.getEntity());
            tag = new EntityTag(digest(json, response.getHeaderString("X-Total-Count"), response.getHeaderString("Link")), true);
            response.setEntity(json, response.getEntityAnnotations(), response.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (tag != null && ifNoneMatch != null && matches(ifNoneMatch, tag.getValue())) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.getHeaders().remove("Content-Disposition");
        }
    }

    /** Weak comparison, as If-None-Match asks: W/"x" matches "x". */
    static boolean matches(String ifNoneMatch, String value) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(candidate -> candidate.equals("*")
                || opaque(candidate).equals(value));
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String digest(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part).append('\0');
        }
        return HexFormat.of().formatHex(Digests.sha256(text.toString()), 0, 16);
    }
}
