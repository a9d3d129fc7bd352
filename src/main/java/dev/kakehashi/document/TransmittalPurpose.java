package dev.kakehashi.document;

/** Why revisions are sent: the recipients' expected action follows from it. */
public enum TransmittalPurpose {
    FOR_INFORMATION, FOR_REVIEW, FOR_APPROVAL, FOR_SUBMISSION
}
