package dev.kakehashi.platform.blob;

import java.io.IOException;

/**
 * The content being stored stopped coming (the uploading client went away or sent a broken body): the
 * uploader's failure, not the store's. Nothing of it is kept.
 */
public class ContentInterruptedException extends IOException {

    public ContentInterruptedException(IOException cause) {
        super("The content stopped before its end: " + cause.getMessage(), cause);
    }
}
