package dev.kakehashi.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every blob store promises, whatever keeps the bytes: content back byte for byte with its size and
 * SHA-256, ranges, nothing left behind by a refused or broken upload, keys that cannot reach outside.
 */
abstract class BlobStoreContract {

    /** The store under test, fresh and empty for each test. */
    protected BlobStore store;

    /** How many blobs or pieces of blobs (finished or not) the store holds. */
    protected abstract long leftovers() throws Exception;

    protected static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void storesContentWithItsSizeAndSha256AndGivesItBack() throws Exception {
        byte[] data = bytes(300_000, 1);

        StoredBlob blob = store.put(new ByteArrayInputStream(data), 1_000_000);

        assertThat(blob.size()).isEqualTo(300_000);
        assertThat(blob.sha256()).isEqualTo(sha256(data));
        try (InputStream in = store.open(blob.key(), 0, blob.size())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(store.size(blob.key())).isEqualTo(300_000);
        assertThat(leftovers()).isOne();
    }

    @Test
    void contentLargerThanTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(bytes(600_000, 2)), 512 * 1024))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(512 * 1024));

        assertThat(leftovers()).isZero();
    }

    @Test
    void anUploadThatBreaksOffLeavesNothingBehind() throws Exception {
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store.put(breaksOff, 1_000_000))
                .isInstanceOf(ContentInterruptedException.class).hasRootCauseMessage("connection reset");
        assertThat(leftovers()).isZero();
    }

    @Test
    void aRangeReadsExactlyThoseBytes() throws Exception {
        byte[] data = bytes(10_000, 3);
        StoredBlob blob = store.put(new ByteArrayInputStream(data), 1_000_000);

        try (InputStream in = store.open(blob.key(), 100, 200)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 100, 300));
        }
        try (InputStream in = store.open(blob.key(), 9_990, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 9_990, 10_000));
        }
        try (InputStream in = store.open(blob.key(), 0, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void aKeyCannotReachOutsideTheStore() {
        assertThatThrownBy(() -> store.open("../../etc/passwd", 0, 1)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.size("objects/../incoming")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aBlobThatIsNotThereIsNoSuchFile() {
        String unknown = java.util.UUID.randomUUID().toString();
        assertThatThrownBy(() -> store.size(unknown)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(unknown, 0, 1).readAllBytes()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void discardedContentIsGone() throws Exception {
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes(1_000, 4)), 1_000_000);

        store.discard(blob.key());

        assertThatThrownBy(() -> store.size(blob.key())).isInstanceOf(NoSuchFileException.class);
        assertThat(leftovers()).isZero();
    }

    @Test
    void largeContentIsStreamedThroughNotHeldWhole() throws Exception {
        long size = 64L * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) (position++ % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (position++ % 251);
                }
                expected.update(b, off, n);
                return n;
            }
        };

        StoredBlob blob = store.put(generated, size);

        assertThat(blob.size()).isEqualTo(size);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        try (InputStream in = store.open(blob.key(), size - 1000, 1000)) {
            byte[] tail = in.readAllBytes();
            assertThat(tail).hasSize(1000);
            assertThat(tail[999]).isEqualTo((byte) ((size - 1) % 251));
        }
    }
}
