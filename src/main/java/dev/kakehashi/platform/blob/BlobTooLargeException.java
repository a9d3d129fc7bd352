package dev.kakehashi.platform.blob;

import java.io.IOException;

/** The content was larger than allowed; nothing of it was kept. */
public class BlobTooLargeException extends IOException {

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("The content is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
