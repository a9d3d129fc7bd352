package dev.kakehashi.platform.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Blobs as files under one directory: {@code objects/ab/cd/<uuid>}. A blob is first written to
 * {@code incoming/} while it is hashed and counted, and moved into place only when complete, so a
 * refused or broken upload never appears and never leaves a partial file.
 */
public class DirectoryBlobStore implements BlobStore {

    private static final int BUFFER = 64 * 1024;

    private final Path objects;
    private final Path incoming;

    public DirectoryBlobStore(Path root) throws IOException {
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.incoming = Files.createDirectories(root.resolve("incoming"));
        forgetAbandonedUploads(java.time.Duration.ofHours(1));
    }

    /**
     * Removes what uploads cut off by a crash left in {@code incoming/}: never visible, only wasted space. A
     * part still being written is touched all the time, so only parts silent for {@code quiet} go.
     */
    void forgetAbandonedUploads(java.time.Duration quiet) throws IOException {
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(quiet));
        try (var parts = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).compareTo(before) < 0) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        MeasuredContent measured = new MeasuredContent(content, maxBytes);
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = measured.read(buffer)) != -1; ) {
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return measured.storedAs(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        Path file = path(key);
        long size = Files.size(file);
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("Range " + offset + "+" + length + " is outside a blob of " + size + " bytes");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
        return new Limited(Channels.newInputStream(channel), length);
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public void discard(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public void checkUsable() throws IOException {
        if (!Files.isWritable(objects) || !Files.isWritable(incoming)) {
            throw new IOException(objects.getParent() + " is not writable");
        }
    }

    /** Keys are UUIDs we made; anything else (such as "../") is refused, so no key can leave the store. */
    Path path(String key) throws NoSuchFileException {
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new NoSuchFileException(key);
        }
        String name = id.toString();
        return objects.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
    }

    /** At most {@code remaining} bytes of the underlying stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(b, off, (int) Math.min(len, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
