package dev.kakehashi.platform.web;

import dev.kakehashi.platform.api.ProblemType;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.Locale;

/**
 * Refuses a body too large for any endpoint before sign-in is asked for. The sign-in mechanisms answer an
 * anonymous request (302 to the identity provider, 401) without reading its body, and the server would then
 * read and discard the rest of it to keep the connection: up to the upload limit, for a request nobody may
 * send. Only multipart bodies (document uploads) may be larger than {@code kakehashi.http.max-plain-body-bytes};
 * the precise limits per endpoint ({@code RequestBodyLimit}, {@link FormBodyLimit}) apply after sign-in.
 */
public class BodyLimitBeforeSignIn implements ServletExtension {

    static final long DEFAULT_MAX_PLAIN_BODY_BYTES = 2L * 1024 * 1024;

    private static final String REFUSAL = "{\"type\":\"" + ProblemType.CONTENT_TOO_LARGE.uri() + "\",\"title\":\""
            + ProblemType.CONTENT_TOO_LARGE.title() + "\",\"status\":413,\"detail\":\"No endpoint accepts a body of this length\"}";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(refusingAbove(maxPlainBodyBytes()));
    }

    /**
     * From the environment or a system property, not MicroProfile Config: asked for the deployment's class
     * loader this early, Config registers one of its own that outlives the deployment, and with it every
     * class of the application (a redeploy leaked the whole deployment).
     */
    static long maxPlainBodyBytes() {
        String value = System.getenv("KAKEHASHI_HTTP_MAX_PLAIN_BODY_BYTES");
        if (value == null) {
            value = System.getProperty("kakehashi.http.max-plain-body-bytes");
        }
        return value == null || value.isBlank() ? DEFAULT_MAX_PLAIN_BODY_BYTES : Long.parseLong(value.strip());
    }

    static HandlerWrapper refusingAbove(long maxPlainBodyBytes) {
        return next -> new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
                boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
                if (!multipart && exchange.getRequestContentLength() > maxPlainBodyBytes) {
                    // Closing, so that the rest of the body is not read only to be thrown away
                    exchange.setPersistent(false);
                    exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
                    exchange.setStatusCode(StatusCodes.REQUEST_ENTITY_TOO_LARGE);
                    exchange.getResponseSender().send(REFUSAL);
                    return;
                }
                if (!multipart) {
                    // A body of unknown length is counted as it is read; past the limit the server ends the request
                    exchange.setMaxEntitySize(maxPlainBodyBytes);
                }
                next.handleRequest(exchange);
            }
        };
    }
}
