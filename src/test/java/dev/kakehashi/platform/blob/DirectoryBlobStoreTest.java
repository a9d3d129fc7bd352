package dev.kakehashi.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @BeforeEach
    void open() throws IOException {
        store = new DirectoryBlobStore(root);
    }

    @Override
    protected long leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aRangeBeyondTheEndIsRefused() throws Exception {
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes(10_000, 3)), 1_000_000);

        assertThatThrownBy(() -> store.open(blob.key(), 9_990, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompleteBlobIsMovedOutOfIncoming() throws Exception {
        store.put(new ByteArrayInputStream(bytes(1_000, 5)), 1_000_000);

        assertThat(Files.list(root.resolve("incoming")).count()).isZero();
    }

    @Test
    void whatACrashLeftInIncomingIsForgottenAtTheNextStartButAnUploadUnderWayIsNot() throws Exception {
        Path abandoned = Files.writeString(root.resolve("incoming/abandoned.part"), "half a file");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path underWay = Files.writeString(root.resolve("incoming/under-way.part"), "being written");

        new DirectoryBlobStore(root);

        assertThat(abandoned).doesNotExist();
        assertThat(underWay).exists();
    }
}
