package dev.kakehashi.document;

import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.document.DocumentViews.DocumentView;
import dev.kakehashi.document.DocumentViews.RevisionView;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.LargeBody;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Each document of the register by id: its revisions, new revisions, withdrawal, and its content. */
@Tag(name = "Documents")
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Inject
    DocumentService documents;

    @Inject
    Uploads uploads;

    @Inject
    ReviewService reviews;

    @Inject
    DocumentControlPresenter presenter;

    public record StepBody(@Schema(type = SchemaType.ARRAY, implementation = ApiTypes.EmailAddress.class, maxItems = Review.MAX_REVIEWERS) java.util.List<String> reviewers, @Schema(format = "date-time", maxLength = ApiTypes.DATE_TIME_LENGTH) String dueAt) {
    }

    public record ReviewBody(@Schema(maxLength = ApiTypes.REVISION_LENGTH) String revision, @Schema(maxItems = Review.MAX_STEPS) java.util.List<StepBody> steps) {
    }

    /** The part of a revision upload, as the document describes it. */
    @Schema(requiredProperties = "file")
    public record RevisionUpload(@Schema(type = SchemaType.STRING, format = "binary", description = "The file; its part's Content-Type and file name are kept")
                                 byte[] file) {
    }

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{id}")
    @Operation(operationId = "getDocument", summary = "One document with its revisions", description = "404 unless my company owns it or received a revision of it. The ETag is its version.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    public Response get(@PathParam("id") String id) {
        DocumentService.Readable readable = documents.readable(id);
        return Response.ok(DocumentView.of(readable, documents.ownerAlias(readable.document())))
                .tag(EntityTags.of(readable.document().version())).build();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listRevisions", summary = "The revisions of a document, oldest first", description = "Only the revisions my company may see: all of its own documents, those transmitted to it of others.")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return RevisionView.of(documents.readable(id));
    }

    @POST
    @Path("{id}/revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = RevisionUpload.class)))
    @LargeBody(maxBytesProperty = "kakehashi.documents.max-bytes", defaultMaxBytes = Uploads.DEFAULT_MAX_BYTES)
    @Operation(operationId = "reviseDocument", summary = "Upload the next revision (multipart \"file\")", description = "The previous revision is superseded, never overwritten.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RevisionView.class)))
    public Response revise(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        // Who may revise this document is settled before a byte of the upload is read.
        documents.requireMayRevise(id);
        DocumentRevision.Content content = uploads.receive(contentType, body).content();
        try {
            DocumentRevision revision = documents.revise(id, content);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(revision.label()).path("content").build())
                    .entity(RevisionView.of(revision, revision.status().name())).build();
        } catch (RuntimeException e) {
            uploads.discard(content);
            throw e;
        }
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawDocument", summary = "Withdraw a document", description = "Documents are never deleted; a withdrawn one keeps its revisions. If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Document document = documents.withdraw(id, IfMatch.of(ifMatch));
        return Response.ok(DocumentView.of(DocumentService.Readable.ofOwner(document), documents.ownerAlias(document)))
                .tag(EntityTags.of(document.version())).build();
    }

    @GET
    @Path("{id}/reviews")
    @Operation(operationId = "listReviews", summary = "Reviews of a document that my company may see, newest first", description = "Reviews started by the owner, and those in which someone of my company reviews.")
    public List<DocumentControlViews.ReviewView> reviews(@PathParam("id") String id) {
        return reviews.ofDocument(id).stream().map(presenter::review).toList();
    }

    @POST
    @Path("{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = ReviewBody.class)))
    @Operation(operationId = "startReview", summary = "Start a review of a revision", description = "Serial steps; each step's reviewers (by e-mail) decide in parallel by its due date. "
            + "Reviewers are people of my company or of a member company the revision was transmitted to.")
    @APIResponse(responseCode = "201", description = "Started; the first step's reviewers are told by e-mail",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentControlViews.ReviewView.class)))
    @APIResponse(responseCode = "422", description = "Unknown reviewer, revision not transmitted to the reviewer's company, a review already in progress")
    public Response startReview(@PathParam("id") String id, String body) {
        documents.owned(id);
        ReviewBody request = JsonBodies.read(body, ReviewBody.class);
        Fields fields = new Fields();
        String revision = fields.text("revision", request.revision(), true, 4);
        java.util.List<ReviewService.StepRequest> steps = new java.util.ArrayList<>();
        if (request.steps() == null || request.steps().isEmpty()) {
            fields.reject("steps", "name at least one step: [{\"reviewers\": [\"…@…\"], \"dueAt\": \"…\"}]");
        } else if (request.steps().size() > Review.MAX_STEPS
                || request.steps().stream().anyMatch(st -> st != null && st.reviewers() != null && st.reviewers().size() > Review.MAX_REVIEWERS)) {
            fields.reject("steps", "a review has at most " + Review.MAX_STEPS + " steps of at most " + Review.MAX_REVIEWERS + " reviewers each");
        } else {
            for (int i = 0; i < request.steps().size(); i++) {
                StepBody step = request.steps().get(i);
                java.time.OffsetDateTime due = fields.dateTime("steps[" + i + "].dueAt", step == null ? null : step.dueAt(), true);
                java.util.List<String> reviewers = step == null || step.reviewers() == null ? java.util.List.of() : step.reviewers();
                if (reviewers.isEmpty()) {
                    fields.reject("steps[" + i + "].reviewers", "name at least one reviewer by e-mail");
                }
                for (int r = 0; r < reviewers.size(); r++) {
                    fields.email("steps[" + i + "].reviewers[" + r + "]", reviewers.get(r), true);
                }
                if (due != null) {
                    steps.add(new ReviewService.StepRequest(reviewers, due.toInstant()));
                }
            }
        }
        fields.throwIfInvalid();
        Review review = reviews.start(id, revision, steps);
        return Response.created(uriInfo.getBaseUriBuilder().path("reviews").path(review.id()).build())
                .entity(presenter.review(review)).tag(EntityTags.of(review.version())).build();
    }

    @GET
    @Path("{id}/revisions/{rev}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadRevision", summary = "The file of a revision, streamed", description = "ETag is the SHA-256; Range (one range of bytes) answers 206; the file name survives in filename* (RFC 8187). Every download is audited.")
    @APIResponse(responseCode = "200", description = "The whole file, in its stored media type",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The range of bytes asked for",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Range", ref = "ContentRange"))
    @APIResponse(responseCode = "416", description = "The range lies beyond the file", headers = @Header(name = "Content-Range", ref = "ContentRange"))
    public Response content(@PathParam("id") String id, @PathParam("rev") String label, @HeaderParam("Range") String range) {
        DocumentRevision revision = documents.download(id, label);
        long size = revision.size();
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null && !range.isBlank()) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                throw rangeNotSatisfiable(size);
            }
            // A position beyond any file (20 digits and more) is past the end like any other: 416, never an overflow.
            long first = position(m.group(1), size);
            long last = position(m.group(2), size);
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - last);
            } else {
                start = first;
                end = m.group(2).isEmpty() ? size - 1 : Math.min(last, size - 1);
            }
            if (start > end || start >= size) {
                throw rangeNotSatisfiable(size);
            }
            partial = true;
        }
        long from = start;
        long length = end - start + 1;
        InputStream content = uploads.open(revision, from, length);
        StreamingOutput body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(body)
                .type(revision.mediaType())
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", contentDisposition(revision.fileName()))
                // A revision never changes (its ETag is its SHA-256): the browser may keep it, shared caches may not.
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .tag(revision.sha256());
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response.build();
    }

    /** A byte position of a Range header, capped just past the content so that no number overflows. */
    private static long position(String digits, long size) {
        if (digits.isEmpty()) {
            return 0;
        }
        return digits.length() > 18 ? size + 1 : Math.min(Long.parseLong(digits), size + 1);
    }

    private static ProblemException rangeNotSatisfiable(long size) {
        return new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, "The content has " + size + " bytes; ask for one range within them");
    }

    /** RFC 6266 with an ASCII fallback and the real (UTF-8) name in filename* (RFC 8187). */
    static String contentDisposition(String fileName) {
        String fallback = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace('"', '_').replace('\\', '_');
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

}
