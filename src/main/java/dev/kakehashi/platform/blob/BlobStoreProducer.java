package dev.kakehashi.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The blob store of this installation: a directory ({@code KAKEHASHI_BLOB_DIR}, by default in WildFly's data dir). */
@ApplicationScoped
public class BlobStoreProducer {

    @Inject
    @ConfigProperty(name = "kakehashi.blob.dir")
    Optional<String> directory;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        Path root = directory.map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "kakehashi-blobs"));
        try {
            return new DirectoryBlobStore(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + root + " for document content", e);
        }
    }
}
