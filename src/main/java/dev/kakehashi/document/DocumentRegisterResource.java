package dev.kakehashi.document;

import dev.kakehashi.platform.api.ApiTypes;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kakehashi.document.DocumentViews.DocumentView;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.Idempotency;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.LargeBody;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The document register of a consortium: registering my company's documents and listing them. */
@Tag(name = "Documents")
@Path("/consortia/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentRegisterResource {

    static final String CODE_PATTERN = "^[A-Z]{2,6}$";
    static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    @Schema(name = "DocumentTitleText", type = SchemaType.STRING, maxLength = Document.TITLE_LENGTH)
    interface TitleText {
    }

    /** The "metadata" part of a registration. */
    @Schema(name = "DocumentMetadata")
    public record Metadata(@Schema(additionalProperties = DocumentRegisterResource.TitleText.class, maxProperties = Document.MAX_TITLE_LANGUAGES, description = "The title by ISO 639-1 language, e.g. {\"en\": \"…\", \"ja\": \"…\"}") Map<String, String> title, @Schema(maxLength = Document.CODE_LENGTH, pattern = DocumentRegisterResource.CODE_PATTERN) String discipline, @Schema(maxLength = Document.CODE_LENGTH, pattern = DocumentRegisterResource.CODE_PATTERN) String type) {
    }

    /** The parts of a registration, as the document describes them (the server reads them as they stream in). */
    @Schema(requiredProperties = {"metadata", "file"})
    public record DocumentUpload(Metadata metadata,
                                 @Schema(type = SchemaType.STRING, format = "binary", description = "The file; its part's Content-Type and file name are kept")
                                 byte[] file) {
    }

    @Inject
    DocumentService documents;

    @Inject
    Uploads uploads;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = DocumentUpload.class),
            encoding = @Encoding(name = "metadata", contentType = MediaType.APPLICATION_JSON)))
    @LargeBody(maxBytesProperty = "kakehashi.documents.max-bytes", defaultMaxBytes = Uploads.DEFAULT_MAX_BYTES)
    @Operation(operationId = "registerDocument", summary = "Register a document (multipart: \"metadata\" JSON and \"file\")",
            description = "Owned by my company, numbered {CONSORTIUM}-{COMPANY}-{DISCIPLINE}-{TYPE}-{SEQ:4}, revision A. Contributors and bid managers of an active member. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit; nothing is kept")
    public Response register(@PathParam("id") String consortiumId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        // Who may register here is settled before a byte of the upload is read.
        documents.requireMayRegister(consortiumId);
        Uploads.Received upload = uploads.receive(contentType, body);
        DocumentRevision.Content content = upload.content();
        try {
            if (upload.metadata() == null) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "A multipart part named \"metadata\" (application/json) is required");
            }
            Registration registration = registration(JsonBodies.read(upload.metadata(), Metadata.class));
            Response response = idempotency.create(idempotencyKey, "POST", uriInfo.getPath(), upload.metadata() + "\n" + content.sha256(), () -> {
                Document registered = documents.register(consortiumId, registration.discipline(), registration.type(), registration.titles(), content);
                return new Idempotency.Created(uriInfo.getBaseUriBuilder().path("documents").path(registered.id()).build(),
                        DocumentView.of(DocumentService.Readable.ofOwner(registered), documents.ownerAlias(registered)), registered.id());
            }, documents::readable);
            if (response.getHeaderString(Idempotency.REPLAYED) != null) {
                uploads.discard(content);
            }
            return response;
        } catch (RuntimeException e) {
            uploads.discard(content);
            throw e;
        }
    }

    private record Registration(String discipline, String type, Map<String, String> titles) {
    }

    private static Registration registration(Metadata metadata) {
        Fields fields = new Fields();
        String discipline = code(fields, "discipline", metadata.discipline());
        String type = code(fields, "type", metadata.type());
        Map<String, String> titles = new LinkedHashMap<>();
        if (metadata.title() == null || metadata.title().isEmpty()) {
            fields.reject("title", "is required, in one or more languages: {\"en\": \"…\", \"ja\": \"…\"}");
        } else if (metadata.title().size() > Document.MAX_TITLE_LANGUAGES) {
            fields.reject("title", "has at most " + Document.MAX_TITLE_LANGUAGES + " languages");
        } else {
            metadata.title().forEach((lang, text) -> {
                if (lang == null || !Document.LANGUAGE.matcher(lang).matches()) {
                    fields.reject("title", "languages are named by their ISO 639-1 code, such as en, ja or ko");
                    return;
                }
                String t = fields.text("title." + lang, text, true, Document.TITLE_LENGTH);
                if (t != null) {
                    titles.put(lang, t);
                }
            });
        }
        fields.throwIfInvalid();
        return new Registration(discipline, type, titles);
    }

    @GET
    @Operation(operationId = "listDocuments", summary = "The register: my company's documents in this consortium", description = "My company's documents and those transmitted to it (only the transmitted revisions). Filters: discipline, type, status, owner (company alias), q (number or title).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    public Response list(@PathParam("id") String consortiumId,
                         @QueryParam("discipline") @Parameter(schema = @Schema(maxLength = Document.CODE_LENGTH, pattern = CODE_PATTERN)) String discipline,
                         @QueryParam("type") @Parameter(schema = @Schema(maxLength = Document.CODE_LENGTH, pattern = CODE_PATTERN)) String type,
                         @QueryParam("status") @Parameter(schema = @Schema(implementation = DocumentStatus.class)) String status,
                         @QueryParam("owner") @Parameter(schema = @Schema(implementation = ApiTypes.CompanyAlias.class)) String owner,
                         @QueryParam("q") @Parameter(description = "Words of the number or title", schema = @Schema(maxLength = Document.TITLE_LENGTH)) String text,
                         @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        Fields fields = new Fields();
        DocumentService.Filter filter = new DocumentService.Filter(fields.text("discipline", discipline, false, 6), fields.text("type", type, false, 6),
                fields.oneOf("status", DocumentStatus.class, status, false),
                documents.companyIdOf(fields.text("owner", owner, false, 63)), fields.text("q", text, false, Document.TITLE_LENGTH));
        fields.throwIfInvalid();
        PageRequest request = PageRequest.of(page, size, cursor);
        List<Document> rows = documents.list(consortiumId, filter, request);
        List<DocumentView> items = rows.stream().map(d -> DocumentView.of(documents.readableOf(d), documents.ownerAlias(d))).toList();
        return Paged.ok(items, documents.count(consortiumId, filter), request, uriInfo, Paged.after(rows, DocumentService::cursorAfter));
    }

    private static String code(Fields fields, String field, String value) {
        String text = fields.text(field, value, true, 6);
        if (text != null && !CODE.matcher(text).matches()) {
            fields.reject(field, "must be 2 to 6 capital letters, e.g. ELE or SPC");
            return null;
        }
        return text;
    }
}
