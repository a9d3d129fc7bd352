package dev.kakehashi.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kakehashi.devstack.ObjectStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 blob store against a real S3-compatible server (S3Proxy) that checks AWS signatures. */
class S3BlobStoreIT extends BlobStoreContract {

    private static final int PART = S3BlobStore.MIN_PART_BYTES;

    private S3Client s3;
    private String bucket;

    @BeforeEach
    void open() throws Exception {
        s3 = client(ObjectStorage.SECRET_KEY);
        bucket = "blobs-" + UUID.randomUUID().toString().substring(0, 8);
        S3BlobStore s3Store = new S3BlobStore(client(ObjectStorage.SECRET_KEY), bucket, "kakehashi/", PART);
        s3Store.checkBucket(true);
        store = s3Store;
    }

    @AfterEach
    void close() {
        ((S3BlobStore) store).close();
        s3.close();
    }

    private static S3Client client(String secret) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(ObjectStorage.ofTestStack().endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ObjectStorage.ACCESS_KEY, secret)))
                .build();
    }

    /** Objects and unfinished multipart uploads: an aborted upload must leave neither. */
    @Override
    protected long leftovers() {
        long objects = s3.listObjectsV2Paginator(l -> l.bucket(bucket)).contents().stream().count();
        long uploads = s3.listMultipartUploads(l -> l.bucket(bucket)).uploads().size();
        return objects + uploads;
    }

    @Test
    void contentOfSeveralPartsComesBackWholeAndIsOneObjectUnderThePrefix() throws Exception {
        byte[] data = bytes(2 * PART + 12_345, 7);

        StoredBlob blob = store.put(new ByteArrayInputStream(data), data.length);

        assertThat(blob.size()).isEqualTo(data.length);
        assertThat(s3.listObjectsV2(l -> l.bucket(bucket)).contents())
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.key()).isEqualTo("kakehashi/objects/" + blob.key());
                    assertThat(o.size()).isEqualTo(data.length);
                });
        try (InputStream in = store.open(blob.key(), PART - 10, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, PART - 10, PART + 10));
        }
    }

    @Test
    void contentThatGrowsPastTheLimitAfterSomePartsAbortsTheUpload() throws Exception {
        byte[] data = bytes(2 * PART + 1, 8);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(data), 2L * PART))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(leftovers()).isZero();
    }

    @Test
    void aWrongSecretIsRefusedByTheServer() {
        S3BlobStore wrong = new S3BlobStore(client("not-the-secret"), bucket, "", PART);

        assertThatThrownBy(wrong::checkUsable).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> wrong.put(new ByteArrayInputStream(bytes(10, 9)), 100)).isInstanceOf(java.io.IOException.class);
        wrong.close();
    }

    @Test
    void aMissingBucketIsCreatedOnlyWhenAllowed() throws Exception {
        String other = "absent-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3BlobStore absent = new S3BlobStore(client(ObjectStorage.SECRET_KEY), other, "", PART)) {
            assertThatThrownBy(() -> absent.checkBucket(false)).hasMessageContaining(other);

            absent.checkBucket(true);

            absent.checkUsable();
        }
    }
}
