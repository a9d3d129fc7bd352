package dev.kakehashi.platform.health;

import dev.kakehashi.platform.blob.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when document content can be stored: the directory is writable or the bucket answers. */
@Readiness
@ApplicationScoped
public class BlobStoreReadiness implements HealthCheck {

    @Inject
    BlobStore blobStore;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("blob-store");
        try {
            blobStore.checkUsable();
            return response.up().build();
        } catch (IOException | RuntimeException e) {
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
