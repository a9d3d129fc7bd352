package dev.kakehashi.platform.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content on its way into a blob store: counts and hashes (SHA-256) what is read, and refuses to read past
 * {@code maxBytes} with {@link BlobTooLargeException}. Every store reads uploads through it.
 */
final class MeasuredContent extends FilterInputStream {

    private final long maxBytes;
    private final MessageDigest sha256;
    private long size;

    MeasuredContent(InputStream content, long maxBytes) {
        super(content);
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int read;
        try {
            read = super.read(b, off, len);
        } catch (BlobTooLargeException | dev.kakehashi.platform.api.BodyTooLargeException e) {
            throw e;
        } catch (IOException e) {
            // Reading the content failed, not writing it: the uploader's failure, told apart from the store's.
            throw new ContentInterruptedException(e);
        }
        if (read > 0) {
            size += read;
            if (size > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            sha256.update(b, off, read);
        }
        return read;
    }

    /** Skipped bytes are content too: they are read, counted and hashed. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        for (int read; skipped < n && (read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped))) > 0; ) {
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** What was read so far, stored under {@code key}. */
    StoredBlob storedAs(String key) {
        return new StoredBlob(key, size, HexFormat.of().formatHex(sha256.digest()));
    }
}
