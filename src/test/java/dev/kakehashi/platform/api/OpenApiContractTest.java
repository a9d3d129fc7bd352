package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the build generates is the ERP contract: generators name their methods after the
 * operation ids and group them by tag, so an id is unique, says what the operation does, and never changes.
 */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    private static JsonObject document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/openapi/kakehashi-openapi.json");
                JsonReader reader = Json.createReader(in)) {
            document = reader.readObject();
        }
    }

    private static List<JsonObject> operations() {
        List<JsonObject> operations = new ArrayList<>();
        document.getJsonObject("paths").values().forEach(path -> path.asJsonObject().forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.add(operation.asJsonObject());
            }
        }));
        return operations;
    }

    @Test
    void everyOperationHasItsOwnIdNamedForWhatItDoesAndOneTag() {
        List<String> ids = operations().stream().map(operation -> operation.getString("operationId", "")).toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("[a-z]+[A-Z][A-Za-z]+"));
        assertThat(operations()).allSatisfy(operation -> assertThat(operation.getJsonArray("tags")).hasSize(1));
    }

    @Test
    void theOperationIdsAreThoseIntegratorsCodedAgainst() throws IOException {
        // A rename breaks every generated client: add operations here, never rename or remove one
        Set<String> published;
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi-operation-ids.txt")) {
            published = new TreeSet<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        }
        Set<String> served = new TreeSet<>(operations().stream().map(operation -> operation.getString("operationId", "")).toList());

        assertThat(served).isEqualTo(published);
    }

    @Test
    void everyOperationAnswersItsErrorsAsProblemsAndTheProblemSchemaNamesTheFields() {
        assertThat(operations()).allSatisfy(operation -> assertThat(operation.getJsonObject("responses").keySet()).contains("400", "401", "403", "503"));
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Problem").getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("type", "title", "status");
        assertThat(schemas.getJsonObject("FieldError").getJsonObject("properties").keySet()).containsExactlyInAnyOrder("field", "rule", "message");
        JsonObject notFound = document.getJsonObject("components").getJsonObject("responses").getJsonObject("NotFound");
        assertThat(notFound.getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void ifMatchIsRequiredWhereTheServerAnswers428AndPagesAreBoundedNumbers() {
        JsonObject parameters = document.getJsonObject("components").getJsonObject("parameters");
        assertThat(parameters.getJsonObject("IfMatch").getBoolean("required")).isTrue();
        List<String> withIfMatch = new ArrayList<>();
        List<String> optionalIfMatch = new ArrayList<>();
        for (JsonObject operation : operations()) {
            for (var parameter : operation.getJsonArray("parameters") == null ? List.<jakarta.json.JsonValue>of() : operation.getJsonArray("parameters")) {
                JsonObject p = parameter.asJsonObject();
                if ("#/components/parameters/IfMatch".equals(p.getString("$ref", ""))) {
                    withIfMatch.add(operation.getString("operationId"));
                    assertThat(operation.getJsonObject("responses").keySet()).contains("412", "428");
                }
                if ("If-Match".equals(p.getString("name", ""))) {
                    optionalIfMatch.add(operation.getString("operationId"));
                }
                if ("size".equals(p.getString("name", ""))) {
                    assertThat(p.getJsonObject("schema").getString("type")).isEqualTo("integer");
                    assertThat(p.getJsonObject("schema").getInt("maximum")).isEqualTo(PageRequest.MAX_SIZE);
                }
            }
        }
        assertThat(withIfMatch).contains("changeOpportunity", "allocateWorkShare", "acceptInvitation", "decideReview", "acknowledgeTransmittal",
                "changeMyPreferences", "rotateErpClientSecret", "withdrawDocument");
        // Linking a company's first identity provider changes nothing that exists, so nothing to match
        assertThat(optionalIfMatch).containsExactly("linkSso");
    }

    @Test
    void everyJsonBodyIsANamedSchema() {
        List<String> unnamed = new ArrayList<>();
        for (JsonObject operation : operations()) {
            JsonObject body = operation.getJsonObject("requestBody");
            if (body == null) {
                continue;
            }
            body.getJsonObject("content").forEach((mediaType, content) -> {
                if (mediaType.endsWith("json") && !content.asJsonObject().getJsonObject("schema").containsKey("$ref")) {
                    unnamed.add(operation.getString("operationId") + " " + mediaType);
                }
            });
        }
        assertThat(unnamed).isEmpty();
        assertThat(document.getJsonObject("components").getJsonObject("schemas").keySet()).noneMatch(name -> name.matches(".*\\d$"));
    }

    @Test
    void everyAnswerOfSuccessNamesWhatItCarries() {
        List<String> unnamed = new ArrayList<>();
        for (JsonObject operation : operations()) {
            operation.getJsonObject("responses").forEach((status, response) -> {
                JsonObject content = response.asJsonObject().getJsonObject("content");
                if (status.startsWith("2") && content != null) {
                    content.forEach((mediaType, media) -> {
                        JsonObject schema = media.asJsonObject().getJsonObject("schema");
                        if (schema == null || schema.isEmpty()) {
                            unnamed.add(operation.getString("operationId") + " " + status + " " + mediaType);
                        }
                    });
                }
            });
        }
        assertThat(unnamed).isEmpty();
    }

    private static JsonObject property(String schema, String name) {
        return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(schema).getJsonObject("properties").getJsonObject(name);
    }

    private static List<String> enumeration(String schema) {
        return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(schema).getJsonArray("enum")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void theBoundsOfSetsOfChoicesAreTheChoicesTheServerHas() {
        // Annotations take constants, the server counts the enums: this keeps the two equal
        assertThat(property("OpportunityBody", "funding").getInt("maxItems")).isEqualTo(dev.kakehashi.opportunity.FundingSource.values().length);
        assertThat(property("MemberBody", "roles").getInt("maxItems")).isEqualTo(dev.kakehashi.consortium.MemberRole.values().length);
        assertThat(property("ConsortiumInvitationBody", "roles").getInt("maxItems")).isEqualTo(dev.kakehashi.consortium.MemberRole.values().length);
        assertThat(enumeration("CompanyRole")).containsExactlyInAnyOrderElementsOf(
                dev.kakehashi.company.CompanyUsers.COMPANY_ROLES.stream().map(dev.kakehashi.platform.security.Role::claimValue).toList());
        assertThat(property("UserInvitationBody", "roles").getInt("maxItems")).isEqualTo(dev.kakehashi.company.CompanyUsers.COMPANY_ROLES.size());
        assertThat(enumeration("ErpRole")).containsExactlyInAnyOrderElementsOf(
                dev.kakehashi.company.ErpClients.ERP_ROLES.stream().map(dev.kakehashi.platform.security.Role::claimValue).toList());
        assertThat(property("ClientBody", "roles").getInt("maxItems")).isEqualTo(dev.kakehashi.company.ErpClients.ERP_ROLES.size());
    }

    @Test
    void anUploadIsAMetadataPartAndABinaryFilePart() {
        JsonObject body = document.getJsonObject("paths").getJsonObject("/api/v1/consortia/{id}/documents").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content").getJsonObject("multipart/form-data");
        assertThat(body.getJsonObject("encoding").getJsonObject("metadata").getString("contentType")).isEqualTo("application/json");
        assertThat(property("DocumentUpload", "file").getString("format")).isEqualTo("binary");
        assertThat(property("DocumentUpload", "metadata").getString("$ref")).endsWith("/DocumentMetadata");
    }

    @Test
    void aReferenceSaysAloneWhatAPropertyIs() {
        // "$ref" beside "type: object" would make an enum's property unsatisfiable for a validating client
        document.getJsonObject("components").getJsonObject("schemas").forEach((name, schema) -> {
            JsonObject properties = schema.asJsonObject().getJsonObject("properties");
            if (properties != null) {
                properties.forEach((property, value) -> assertThat(value.asJsonObject().containsKey("$ref") && value.asJsonObject().containsKey("type"))
                        .as(name + "." + property).isFalse());
            }
        });
    }
}
