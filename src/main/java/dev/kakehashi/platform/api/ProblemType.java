package dev.kakehashi.platform.api;

import java.net.URI;

/**
 * The stable error types of the API (RFC 9457 {@code type}). Integrators branch on these URIs,
 * so a type is never renamed; new ones are added.
 */
public enum ProblemType {
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    NO_COMPANY("no-company", 403, "The token does not name exactly one company"),
    COMPANY_NOT_ONBOARDED("company-not-onboarded", 403, "The company of the token is not onboarded"),
    FORBIDDEN("forbidden", 403, "Your role does not allow this"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
    INVALID_PAGE("invalid-page", 400, "Invalid paging parameters"),
    RULE_VIOLATED("rule-violated", 422, "A business rule refuses this change"),
    PRECONDITION_REQUIRED("precondition-required", 428, "If-Match is required for this change"),
    STALE_ETAG("stale-etag", 412, "The resource changed since you read it"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "This Idempotency-Key was used with another request"),
    CONFLICT("conflict", 409, "Conflict"),
    PRICES_SEALED("prices-sealed", 409, "The prices are sealed until the opening"),
    CONTENT_TOO_LARGE("content-too-large", 413, "The content is larger than allowed"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "The requested range is not in the content"),
    EMAIL_DOMAIN_NOT_COMPANY("email-domain-not-company", 403, "Your e-mail address is not at one of your company's domains"),
    RATE_LIMITED("rate-limited", 429, "Too many requests: slow down and retry after Retry-After"),
    INTERNAL("internal", 500, "Internal error"),
    IDENTITY_ADMIN_UNAVAILABLE("identity-admin-unavailable", 503, "The identity provider could not complete the change"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "A service Kakehashi depends on does not answer; try again shortly"),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, "Document storage does not answer; try again shortly");

    private static final String BASE = "https://kakehashi.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
