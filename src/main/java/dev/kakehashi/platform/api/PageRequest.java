package dev.kakehashi.platform.api;

/**
 * {@code page} (from 0) and {@code size} (default 20, at most 200) of a list request.
 * Resources take it as {@code @BeanParam}-free query values and build it through {@link #of}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new ProblemException(ProblemType.INVALID_PAGE, "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(ProblemType.INVALID_PAGE, "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
