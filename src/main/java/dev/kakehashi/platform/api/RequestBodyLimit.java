package dev.kakehashi.platform.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every request body before a byte of it is read: a small limit for JSON (1 MiB unless
 * {@code KAKEHASHI_API_MAX_JSON_BYTES} says otherwise), the upload limit only on {@link LargeBody}
 * operations. A declared length over the limit is refused at once with 413; a body without a length
 * is counted while it is read and refused when it passes the limit.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RequestBodyLimit implements ContainerRequestFilter {

    /** Room for the multipart framing and the metadata part around an upload's content. */
    static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "kakehashi.api.max-json-bytes", defaultValue = "1048576")
    long maxJsonBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitOf(resource == null ? null : resource.getResourceMethod());
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "Content-Length must be a number of bytes");
            }
            if (length > limit) {
                // Answered at once; the connection is closed rather than drained, so the body is never read.
                request.abortWith(ProblemMappers.answer(new BodyTooLargeException(limit).problem().problem(), request.getUriInfo().getRequestUri())
                        .header("Connection", "close").build());
                return;
            }
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }

    long limitOf(Method method) {
        LargeBody large = method == null ? null : method.getAnnotation(LargeBody.class);
        if (large == null) {
            return maxJsonBytes;
        }
        long content = config.getOptionalValue(large.maxBytesProperty(), Long.class).orElse(large.defaultMaxBytes());
        return content + MULTIPART_OVERHEAD;
    }
}
