package dev.kakehashi.platform.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of one bucket of S3-compatible storage, under {@code <prefix>objects/<uuid>}: what
 * every replica of a cluster sees alike. Content goes up in parts of {@code partBytes} (one part buffered
 * per upload, never the whole file); anything but a complete upload is aborted, so a refused or broken
 * upload leaves no object behind. Reads are ranged GETs streamed straight from the response.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    /** S3's smallest part but the last. */
    public static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partBytes;

    public S3BlobStore(S3Client s3, String bucket, String prefix, int partBytes) {
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("Parts must be at least " + MIN_PART_BYTES + " bytes, not " + partBytes);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.partBytes = partBytes;
    }

    /** Makes sure the bucket is there, creating it when allowed (a fresh compose stack or a test). */
    public void checkBucket(boolean create) throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("The bucket " + bucket + " cannot be used: " + e.getMessage(), e);
            }
            if (!create) {
                throw new IOException("The bucket " + bucket + " does not exist", e);
            }
            call(() -> s3.createBucket(b -> b.bucket(bucket)));
        } catch (SdkException e) {
            throw new IOException("The object storage cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        MeasuredContent measured = new MeasuredContent(content, maxBytes);
        String key = UUID.randomUUID().toString();
        String object = object(key);
        byte[] buffer = new byte[partBytes];

        int filled = measured.readNBytes(buffer, 0, partBytes);
        if (filled < partBytes) {
            // Smaller than one part: one plain PUT.
            RequestBody whole = RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled);
            call(() -> s3.putObject(p -> p.bucket(bucket).key(object), whole));
            return measured.storedAs(key);
        }

        String upload = call(() -> s3.createMultipartUpload(c -> c.bucket(bucket).key(object))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (; filled > 0; filled = measured.readNBytes(buffer, 0, partBytes)) {
                int number = parts.size() + 1;
                RequestBody part = RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled);
                String etag = call(() -> s3.uploadPart(u -> u.bucket(bucket).key(object).uploadId(upload).partNumber(number), part)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call(() -> s3.completeMultipartUpload(c -> c.bucket(bucket).key(object).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(object, upload, e);
            throw e;
        }
        return measured.storedAs(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Range " + offset + "+" + length + " is not a range");
        }
        String object = object(key);
        if (length == 0) {
            size(key); // still answers NoSuchFileException for a blob that is not there
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return call(key, () -> s3.getObject(g -> g.bucket(bucket).key(object).range(range)));
    }

    @Override
    public long size(String key) throws IOException {
        String object = object(key);
        return call(key, () -> s3.headObject(h -> h.bucket(bucket).key(object))).contentLength();
    }

    @Override
    public void discard(String key) throws IOException {
        String object = object(key);
        call(() -> s3.deleteObject(d -> d.bucket(bucket).key(object)));
    }

    @Override
    public void checkUsable() throws IOException {
        call(() -> s3.headBucket(b -> b.bucket(bucket)));
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Keys are UUIDs we made; anything else is refused like a missing blob. */
    String object(String key) throws NoSuchFileException {
        try {
            return prefix + "objects/" + UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new NoSuchFileException(key);
        }
    }

    private void abort(String object, String upload, Exception cause) {
        try {
            s3.abortMultipartUpload(a -> a.bucket(bucket).key(object).uploadId(upload));
        } catch (SdkException e) {
            // The bucket's lifecycle rule for incomplete uploads cleans up what this could not.
            cause.addSuppressed(e);
        }
    }

    private interface S3Call<T> {
        T run();
    }

    /** The store speaks IOException like the directory store; the SDK's unchecked exceptions become one. */
    private static <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException("Object storage: " + e.getMessage(), e);
        }
    }

    private static <T> T call(String key, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (S3Exception e) {
            // NoSuchKey, or a HEAD's bare 404
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("Object storage: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("Object storage: " + e.getMessage(), e);
        }
    }
}
