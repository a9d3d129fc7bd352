package dev.kakehashi.platform.api;

import java.io.IOException;

/** A request body grew past the limit of its operation while it was being read; it answers 413. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    ProblemException problem() {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, getMessage());
    }
}
