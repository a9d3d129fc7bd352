package dev.kakehashi.platform.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field or rule, so that a
 * client can point at what to fix.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "An RFC 9457 problem detail; branch on `type`, which never changes for a kind of error",
        requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "What kind of error, e.g. https://kakehashi.dev/problems/stale-etag", format = "uri") URI type,
        String title,
        @Schema(minimum = "400", maximum = "599") int status,
        String detail,
        @Schema(format = "uri") URI instance,
        @Schema(description = "Each offending field or rule") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** What is wrong where: the field (a JSON path such as {@code packages[2].raci}), the rule it breaks, and why. */
    @Schema(name = "FieldError", requiredProperties = {"field", "message"})
    public record FieldError(
            @Schema(description = "A JSON path such as packages[2].raci") String field,
            @Schema(description = "The rule it breaks, e.g. share-decimals, reviewer-eligible") String rule,
            String message) {
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
