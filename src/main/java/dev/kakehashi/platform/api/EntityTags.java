package dev.kakehashi.platform.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.Optional;

/**
 * ETags of versioned resources and the If-Match rule of every change. The tag is the JPA
 * {@code @Version}; a resource turns If-Match into an expected version, and the service compares it
 * inside the transaction that writes, where {@code @Version} also stops a concurrent writer that
 * passed the same check. So of two writers holding the same ETag, exactly one wins.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header expects: empty when there is no header or it is {@code *}.
     * A tag that is no version of ours can match nothing and is refused as stale.
     */
    public static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** The version a change that must not be blind requires: 428 without If-Match. */
    public static long requiredVersion(String ifMatch, String what) {
        return expectedVersion(ifMatch).orElseThrow(() ->
                new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the " + what + " you read"));
    }

    /** Refuses the change when the client's expected version is not the current one. */
    public static void requireCurrent(Optional<Long> expected, long current) {
        if (expected.isPresent() && expected.get() != current) {
            throw stale();
        }
    }

    /**
     * A version for state that lives outside the database (Keycloak users, SSO links), which has no
     * version column: a checksum of its content, so that If-Match still detects a change in between.
     */
    public static long ofContent(String content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    public static ProblemException stale() {
        return new ProblemException(ProblemType.STALE_ETAG,
                "If-Match does not match the current version; read the resource again and reapply your change");
    }
}
