package dev.kakehashi.platform.blob;

/** A stored blob: its key in the store, its size in bytes and the hex SHA-256 of its content. */
public record StoredBlob(String key, long size, String sha256) {
}
