package dev.kakehashi.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The blob store of this installation, chosen by {@code KAKEHASHI_BLOB_STORE}: {@code directory} (the default;
 * {@code KAKEHASHI_BLOB_DIR}, by default in WildFly's data dir) for one server, or {@code s3} for object
 * storage that every replica shares ({@code KAKEHASHI_BLOB_S3_*}).
 */
@ApplicationScoped
public class BlobStoreProducer {

    @Inject
    @ConfigProperty(name = "kakehashi.blob.store", defaultValue = "directory")
    String kind;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.dir")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.bucket")
    Optional<String> bucket;

    /** An S3-compatible service (MinIO, Ceph, S3Proxy, …); AWS's own endpoint when absent. */
    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.endpoint")
    Optional<URI> endpoint;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.region", defaultValue = "us-east-1")
    String region;

    /** Without keys the SDK's default chain is used (environment, web identity of a pod, instance profile). */
    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.prefix")
    Optional<String> prefix;

    /** Path-style addressing ({@code endpoint/bucket/key}), which most S3-compatible services need. */
    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.path-style")
    Optional<Boolean> pathStyle;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.part-bytes", defaultValue = "8388608")
    int partBytes;

    @Inject
    @ConfigProperty(name = "kakehashi.blob.s3.create-bucket", defaultValue = "false")
    boolean createBucket;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        return switch (kind) {
            case "directory" -> directoryStore();
            case "s3" -> s3Store();
            default -> throw new IllegalStateException("KAKEHASHI_BLOB_STORE must be directory or s3, not " + kind);
        };
    }

    void close(@Disposes BlobStore store) {
        if (store instanceof S3BlobStore s3) {
            s3.close();
        }
    }

    private BlobStore directoryStore() {
        Path root = directory.map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "kakehashi-blobs"));
        try {
            return new DirectoryBlobStore(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + root + " for document content", e);
        }
    }

    private BlobStore s3Store() {
        String name = bucket.orElseThrow(() -> new IllegalStateException("KAKEHASHI_BLOB_S3_BUCKET names the bucket of KAKEHASHI_BLOB_STORE=s3"));
        S3ClientBuilder builder = S3Client.builder()
                // Bounded: an object store that does not answer gives a prompt 503, never a hung request.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(java.time.Duration.ofSeconds(3))
                        .socketTimeout(java.time.Duration.ofSeconds(20))
                        .build())
                .region(Region.of(region))
                .forcePathStyle(pathStyle.orElse(endpoint.isPresent()))
                .credentialsProvider(accessKey.isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.orElse("")))
                        : DefaultCredentialsProvider.builder().build());
        endpoint.ifPresent(builder::endpointOverride);
        S3BlobStore store = new S3BlobStore(builder.build(), name, prefix.orElse(""), partBytes);
        try {
            store.checkBucket(createBucket);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("Cannot use bucket " + name + " for document content", e);
        }
        return store;
    }
}
