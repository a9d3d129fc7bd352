package dev.kakehashi.document;

public enum ReviewStatus {
    IN_PROGRESS, APPROVED, RETURNED
}
