package dev.kakehashi.platform.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body and fails with {@link BodyTooLargeException} as soon as it passes its limit. */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) throws BodyTooLargeException {
        count += bytes;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
