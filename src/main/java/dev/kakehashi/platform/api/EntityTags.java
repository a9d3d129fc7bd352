package dev.kakehashi.platform.api;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETags of versioned resources: the JPA {@code @Version}, or a checksum of state kept outside the
 * database. The If-Match rule that uses them is {@link IfMatch}.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
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
