package dev.kakehashi.platform.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field or rule, so that a
 * client can point at what to fix.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** What is wrong where: the field (a JSON path such as {@code packages[2].raci}), the rule it breaks, and why. */
    public record FieldError(String field, String rule, String message) {
        public FieldError(String field, String message) {
            this(field, null, message);
        }
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Problem at(URI instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
