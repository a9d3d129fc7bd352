package dev.kakehashi.platform.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document content lives: a directory by default, S3-compatible object storage in a cluster.
 * Content is streamed in and out and never held in memory whole; a blob is written once and never
 * overwritten (a new revision is a new blob).
 */
public interface BlobStore {

    /**
     * Stores the stream's content, computing its SHA-256 and size on the way. More than
     * {@code maxBytes} is refused with {@link BlobTooLargeException}, and nothing is left behind.
     */
    StoredBlob put(InputStream content, long maxBytes) throws IOException;

    /** Reads {@code length} bytes from {@code offset} (for HTTP Range); the caller closes the stream. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** The size in bytes of a stored blob. */
    long size(String key) throws IOException;

    /**
     * Removes a blob that nothing refers to (an upload whose registration failed or was replayed).
     * Never used on content a revision refers to: revisions are never deleted.
     */
    void discard(String key) throws IOException;

    /** Throws when the store cannot be used right now (for the readiness check). */
    void checkUsable() throws IOException;
}
