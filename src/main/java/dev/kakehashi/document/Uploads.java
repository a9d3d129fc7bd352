package dev.kakehashi.document;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.blob.BlobStore;
import dev.kakehashi.platform.blob.BlobTooLargeException;
import dev.kakehashi.platform.blob.StoredBlob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the "file" part of a multipart upload into the blob store, streamed, before any transaction
 * starts (a large upload must not hold a database transaction open), within the configured size limit.
 */
@ApplicationScoped
public class Uploads {

    @Inject
    BlobStore blobs;

    /** 2 GiB unless {@code KAKEHASHI_DOCUMENTS_MAX_BYTES} says otherwise. */
    @Inject
    @ConfigProperty(name = "kakehashi.documents.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    /** The web UI sends files in chunks of this size, each a request of its own (8 MiB unless configured). */
    @Inject
    @ConfigProperty(name = "kakehashi.documents.upload-chunk-bytes", defaultValue = "8388608")
    long chunkBytes;

    public long chunkBytes() {
        return chunkBytes;
    }

    public static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    public DocumentRevision.Content store(List<EntityPart> parts) {
        EntityPart file = part(parts, "file").orElseThrow(() ->
                new ProblemException(ProblemType.INVALID_REQUEST, "A multipart part named \"file\" with the content is required"));
        String fileName = file.getFileName().filter(n -> !n.isBlank()).orElseThrow(() ->
                new ProblemException(ProblemType.INVALID_REQUEST, "The file part needs a file name (Content-Disposition filename or filename*)"));
        MediaType mediaType = file.getMediaType() == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : file.getMediaType();
        return store(file.getContent(), fileName, mediaType.toString());
    }

    /** Streams content (an API part or a file the web UI assembled from its chunks) into the blob store, and closes it. */
    public DocumentRevision.Content store(InputStream stream, String fileName, String mediaType) {
        try (InputStream content = stream) {
            StoredBlob blob = blobs.put(content, maxBytes);
            return new DocumentRevision.Content(blob.key(), blob.sha256(), blob.size(),
                    mediaType == null || mediaType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : mediaType, fileName);
        } catch (BlobTooLargeException e) {
            throw DocumentService.tooLarge(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Removes the blob of an upload that did not become a revision. */
    public void discard(DocumentRevision.Content content) {
        try {
            blobs.discard(content.blobKey());
        } catch (IOException e) {
            // An orphan blob is only wasted space; it is referred to by nothing.
        }
    }

    public BlobStore blobs() {
        return blobs;
    }
}
