package dev.kakehashi.platform.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digest every blob store computes while content streams through. */
final class Sha256 {

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
