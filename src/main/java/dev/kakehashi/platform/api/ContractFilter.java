package dev.kakehashi.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds to the generated OpenAPI document what holds for the whole API, so that no resource has to repeat
 * it: the problem+json answers every operation can give, the conventions' headers (ETag, Location, Link,
 * X-Total-Count, Idempotent-Replayed, Retry-After) and parameters (If-Match, Idempotency-Key, page, size)
 * with the bounds the server enforces. Run by the build (smallrye-open-api-maven-plugin's {@code filter}).
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** The one change that works without If-Match: linking a company's first identity provider. */
    private static final Set<String> IF_MATCH_OPTIONAL = Set.of("linkSso");

    /** Reusable problem answers, by status. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[] {"BadRequest", "The request is not valid: each bad field is named in errors[]"});
        PROBLEMS.put("401", new String[] {"Unauthorized", "No valid access token"});
        PROBLEMS.put("403", new String[] {"Forbidden", "The caller's company or role does not allow this"});
        PROBLEMS.put("404", new String[] {"NotFound", "Does not exist, or belongs to another company (the same answer)"});
        PROBLEMS.put("409", new String[] {"Conflict", "The resource is not in a state that allows this (e.g. already decided)"});
        PROBLEMS.put("412", new String[] {"PreconditionFailed", "If-Match does not match the current version: read it again"});
        PROBLEMS.put("413", new String[] {"ContentTooLarge", "The body is larger than this operation takes"});
        PROBLEMS.put("415", new String[] {"UnsupportedMediaType", "The body's media type is not one this operation takes"});
        PROBLEMS.put("416", new String[] {"RangeNotSatisfiable", "The range lies beyond the file"});
        PROBLEMS.put("422", new String[] {"UnprocessableContent", "A business rule refuses the change (named in errors[].rule)"});
        PROBLEMS.put("428", new String[] {"PreconditionRequired", "If-Match is required"});
        PROBLEMS.put("429", new String[] {"TooManyRequests", "More requests in this minute than the client's limit: wait Retry-After seconds"});
        PROBLEMS.put("500", new String[] {"InternalError", "The server failed; nothing was changed that the answer does not say"});
        PROBLEMS.put("503", new String[] {"ServiceUnavailable", "A dependency (database, identity provider, storage) does not answer; retry after Retry-After"});
    }

    /** What the path parameters of this API are, by name: every {id} is a UUID. */
    private static final Map<String, java.util.function.Supplier<Schema>> PATH_PARAMETERS = Map.of(
            "id", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid").maxLength(ApiTypes.ID_LENGTH),
            "alias", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(ApiTypes.ALIAS_LENGTH).pattern(ApiTypes.ALIAS_PATTERN),
            "rev", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(ApiTypes.REVISION_LENGTH).pattern("^[A-Z0-9]{1,4}$"));

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents();
        openApi.setComponents(components);
        headers().forEach(components::addHeader);
        components.addParameter("IfMatch", OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(true)
                .description("The ETag of the version read (strong comparison; 428 without it, 412 when stale)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)));
        components.addParameter("IfNoneMatch", OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("ETags already read: when one matches (weak comparison) the answer is 304 without a body")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000)));
        components.addResponse("NotModified", rateLimited(OASFactory.createAPIResponse()
                .description("Unchanged since the ETag sent in If-None-Match").addHeader("ETag", ref("ETag"))));
        components.addParameter("IdempotencyKey", OASFactory.createParameter().name(Idempotency.HEADER).in(Parameter.In.HEADER)
                .description("Repeat a create safely: the same key and body answer the first result (for 24 hours, per caller); "
                        + "the same key with another body is 422")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(Idempotency.MAX_KEY_LENGTH)
                        .pattern("^[\\x21-\\x7e]+$")));
        // Keycloak's client-credentials tokens need no scope; the field is required all the same
        var schemes = components.getSecuritySchemes();
        if (schemes != null && schemes.get("erpClient") != null && schemes.get("erpClient").getFlows() != null) {
            var flow = schemes.get("erpClient").getFlows().getClientCredentials();
            if (flow != null && flow.getScopes() == null) {
                flow.setScopes(new LinkedHashMap<>());
            }
        }
        namedEnums(components);
        if (openApi.getPaths() == null) {
            return;
        }
        Set<String> referenced = new java.util.TreeSet<>();
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> conventions(path, method, operation, referenced)));
        PROBLEMS.forEach((status, response) -> {
            if (referenced.contains(status)) {
                components.addResponse(response[0], problem(status, response[1]));
            }
        });
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation, Set<String> referenced) {
        boolean paged = false;
        boolean idempotent = false;
        boolean ifMatch = false;
        if (operation.getParameters() != null) {
            List<Parameter> parameters = new java.util.ArrayList<>();
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                    ifMatch = true;
                    parameters.add(IF_MATCH_OPTIONAL.contains(operation.getOperationId())
                            ? parameter.required(false).description("Required to change an existing link (428 without it, 412 when stale)")
                                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100))
                            : OASFactory.createParameter().ref("IfMatch"));
                } else if (parameter.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equalsIgnoreCase(parameter.getName())) {
                    idempotent = true;
                    parameters.add(OASFactory.createParameter().ref("IdempotencyKey"));
                } else if (parameter.getIn() == Parameter.In.QUERY && "page".equals(parameter.getName())) {
                    paged = true;
                    parameters.add(parameter.description("The page, from 0").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .format("int32").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_OFFSET))
                            .defaultValue(0)));
                } else if (parameter.getIn() == Parameter.In.QUERY && "size".equals(parameter.getName())) {
                    parameters.add(parameter.description("Rows per page").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .format("int32").minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_SIZE))
                            .defaultValue(PageRequest.DEFAULT_SIZE)));
                } else if (parameter.getIn() == Parameter.In.QUERY && "cursor".equals(parameter.getName())) {
                    parameters.add(parameter.description("Go on after the last row of a page: the cursor of its Link rel=\"next\" (instead of page)")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Cursor.MAX_LENGTH).pattern(Cursor.PATTERN)));
                } else if (parameter.getIn() == Parameter.In.PATH && PATH_PARAMETERS.containsKey(parameter.getName())) {
                    parameters.add(parameter.schema(PATH_PARAMETERS.get(parameter.getName()).get()));
                } else if (parameter.getIn() == Parameter.In.HEADER && "Range".equals(parameter.getName())) {
                    parameters.add(parameter.description("One range of bytes (RFC 9110), e.g. bytes=0-1023 or bytes=1024-")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100).pattern("^bytes=[0-9]*-[0-9]*$")));
                } else if (parameter.getIn() == Parameter.In.HEADER && parameter.getSchema() != null && parameter.getSchema().getMaxLength() == null) {
                    parameters.add(parameter.schema(parameter.getSchema().maxLength(100)));
                } else {
                    parameters.add(parameter);
                }
            }
            operation.setParameters(parameters);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        var responses = operation.getResponses();
        // The answers of success carry the conventions' headers
        for (var entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if ((status.startsWith("2") || status.startsWith("4")) && response.getRef() == null) {
                rateLimited(response);
            }
            if (status.startsWith("2")) {
                if (paged) {
                    response.addHeader("X-Total-Count", ref("XTotalCount")).addHeader("Link", ref("Link"));
                }
                if (status.equals("201")) {
                    response.addHeader("Location", ref("Location"));
                }
                if (idempotent) {
                    response.addHeader(Idempotency.REPLAYED, ref("IdempotentReplayed"));
                }
                if (!status.equals("204")) {
                    response.addHeader("ETag", ref("ETag"));
                }
            } else if (PROBLEMS.containsKey(status) && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.content(problemContent());
            }
        }
        if (method == PathItem.HttpMethod.GET && !responses.hasAPIResponse("304")) {
            operation.addParameter(OASFactory.createParameter().ref("IfNoneMatch"));
            responses.addAPIResponse("304", OASFactory.createAPIResponse().ref("NotModified"));
        }
        add(responses, "400", referenced);
        add(responses, "401", referenced);
        add(responses, "403", referenced);
        if (path.contains("{")) {
            add(responses, "404", referenced);
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "413", referenced);
            add(responses, "415", referenced);
            add(responses, "422", referenced);
        }
        if (ifMatch) {
            add(responses, "412", referenced);
            add(responses, "428", referenced);
        }
        add(responses, "429", referenced);
        add(responses, "500", referenced);
        add(responses, "503", referenced);
    }

    /**
     * The scanner writes an enum out in place where a body's list names it before any other schema has:
     * the same choices then refer to the enum's own schema, so that a generated client has one type for them.
     */
    private static void namedEnums(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Map<List<Object>, String> named = new java.util.HashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getEnumeration() != null && schema.getProperties() == null) {
                named.putIfAbsent(schema.getEnumeration(), name);
            }
        });
        components.getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                // A String component that names an enum's or a value type's schema comes out as "$ref" plus
                // "type: object", which contradict each other: the reference alone says what it is
                schema.getProperties().values().stream().filter(property -> property.getRef() != null).forEach(property -> property.setType(null));
                schema.getProperties().values().forEach(property -> {
                    Schema items = property.getItems();
                    if (items != null && items.getEnumeration() != null && named.containsKey(items.getEnumeration())) {
                        property.setItems(OASFactory.createSchema().ref(named.get(items.getEnumeration())));
                    }
                });
            }
        });
    }

    /** Every answer to a signed-in client says where it stands against its rate limit. */
    private static APIResponse rateLimited(APIResponse response) {
        return response.addHeader(RateLimitFilter.POLICY, ref("RateLimitPolicy")).addHeader(RateLimitFilter.STATE, ref("RateLimit"));
    }

    private static void add(org.eclipse.microprofile.openapi.models.responses.APIResponses responses, String status, Set<String> referenced) {
        if (!responses.hasAPIResponse(status)) {
            referenced.add(status);
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(PROBLEMS.get(status)[0]));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static APIResponse problem(String status, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent());
        if (status.startsWith("4")) {
            rateLimited(response);
        }
        return status.equals("503") || status.equals("429") ? response.addHeader("Retry-After", ref("RetryAfter")) : response;
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", header("The version of what was answered: send it as If-Match to change it, or as If-None-Match to be told 304 "
                + "while it stays the same (lists carry a weak one over their page)", Schema.SchemaType.STRING));
        headers.put("Location", header("Where the created resource is", Schema.SchemaType.STRING).schema(
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        headers.put("Link", header("RFC 8288 links to the next and previous pages (rel=\"next\", rel=\"prev\")", Schema.SchemaType.STRING));
        headers.put("XTotalCount", header("How many rows the whole list has", Schema.SchemaType.INTEGER));
        headers.get("XTotalCount").getSchema().format("int64").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(Long.MAX_VALUE));
        headers.put("IdempotentReplayed", header("true when this is the stored answer to an earlier request with the same Idempotency-Key",
                Schema.SchemaType.BOOLEAN));
        headers.put("RetryAfter", header("Seconds to wait before trying again", Schema.SchemaType.INTEGER));
        headers.get("RetryAfter").getSchema().format("int32").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86_400));
        headers.put("RateLimitPolicy", header("The client's quota (IETF draft-ietf-httpapi-ratelimit-headers): q requests per w seconds, "
                + "e.g. \"per-client\";q=1200;w=60", Schema.SchemaType.STRING));
        headers.put("RateLimit", header("What is left of the quota: r requests for the next t seconds, e.g. \"per-client\";r=1187;t=42",
                Schema.SchemaType.STRING));
        headers.put("ContentRange", header("The bytes of a partial answer (206), or the file's length (416)", Schema.SchemaType.STRING));
        return headers;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
