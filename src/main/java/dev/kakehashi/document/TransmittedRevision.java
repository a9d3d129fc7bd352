package dev.kakehashi.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One revision of one document in a transmittal. */
@Embeddable
public record TransmittedRevision(@Column(name = "document_id", nullable = false) String documentId,
                                  @Column(name = "revision", nullable = false, length = 4) String revision) {
}
