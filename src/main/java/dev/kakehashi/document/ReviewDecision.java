package dev.kakehashi.document;

/** What a reviewer decides. A return ends the whole workflow. */
public enum ReviewDecision {
    APPROVE, APPROVE_WITH_COMMENTS, RETURN;

    boolean needsComment() {
        return this != APPROVE;
    }
}
