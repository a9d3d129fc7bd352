package dev.kakehashi.document;

import dev.kakehashi.document.DocumentViews.DocumentView;
import dev.kakehashi.document.DocumentViews.RevisionView;
import dev.kakehashi.platform.api.EntityTags;
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
import jakarta.ws.rs.core.EntityPart;
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

/** Each document of the register by id: its revisions, new revisions, withdrawal, and its content. */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Inject
    DocumentService documents;

    @Inject
    Uploads uploads;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{id}")
    @Operation(summary = "One document with its revisions")
    public Response get(@PathParam("id") String id) {
        Document document = documents.visible(id);
        return Response.ok(DocumentView.of(document, documents.ownerAlias(document))).tag(EntityTags.of(document.version())).build();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "The revisions of a document, oldest first")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return documents.visible(id).revisions().stream().map(RevisionView::of).toList();
    }

    @POST
    @Path("{id}/revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the next revision (multipart \"file\")", description = "The previous revision is superseded, never overwritten.")
    public Response revise(@PathParam("id") String id, List<EntityPart> parts) {
        documents.visible(id);
        DocumentRevision.Content content = uploads.store(parts);
        try {
            DocumentRevision revision = documents.revise(id, content);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(revision.label()).path("content").build())
                    .entity(RevisionView.of(revision)).build();
        } catch (RuntimeException e) {
            uploads.discard(content);
            throw e;
        }
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a document", description = "Documents are never deleted; a withdrawn one keeps its revisions.")
    public DocumentView withdraw(@PathParam("id") String id) {
        Document document = documents.withdraw(id);
        return DocumentView.of(document, documents.ownerAlias(document));
    }

    @GET
    @Path("{id}/revisions/{rev}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The file of a revision, streamed", description = "ETag is the SHA-256; Range (one range of bytes) answers 206; the file name survives in filename* (RFC 8187). Every download is audited.")
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
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            if (start > end || start >= size) {
                throw rangeNotSatisfiable(size);
            }
            partial = true;
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> {
            try (InputStream in = uploads.blobs().open(revision.blobKey(), from, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(body)
                .type(revision.mediaType())
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", contentDisposition(revision.fileName()))
                .tag(revision.sha256());
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response.build();
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
