package dev.kakehashi.document;

public enum DocumentStatus {
    DRAFT, IN_REVIEW, APPROVED, RETURNED, ISSUED, WITHDRAWN
}
