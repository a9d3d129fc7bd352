package dev.kakehashi.platform.api;

/**
 * {@code page} (from 0) and {@code size} (default 20, at most 200) of a list request, or instead of the
 * page a {@link Cursor} (the lists that may grow large take one). Resources take them as the raw query
 * strings and build the request through {@link #of(String, String)}, so that anything but a small whole
 * number is a 400 {@code invalid-page}, never a 404 or an overflow.
 */
public record PageRequest(int page, int size, Cursor cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** The furthest a list can be paged: the row offset stays an int, whatever page is asked for. */
    public static final int MAX_OFFSET = 10_000_000;

    public PageRequest(int page, int size) {
        this(page, size, null);
    }

    public PageRequest {
        if (page < 0) {
            throw invalid("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw invalid("page " + page + " of size " + size + " is beyond the last row a list can reach (" + MAX_OFFSET + ")");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** From the query strings as sent: absent means the default; anything but a whole number is refused. */
    public static PageRequest of(String page, String size) {
        return new PageRequest(number("page", page, 0), number("size", size, DEFAULT_SIZE));
    }

    /** A page, or the rows after a cursor (then page must be absent or 0). */
    public static PageRequest of(String page, String size, String cursor) {
        Cursor after = Cursor.parse(cursor);
        PageRequest request = of(page, size);
        if (after != null && request.page() != 0) {
            throw invalid("page and cursor exclude each other: follow the cursor of Link rel=\"next\"");
        }
        return new PageRequest(request.page(), request.size(), after);
    }

    public boolean hasCursor() {
        return cursor != null;
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String digits = value.strip();
        if (!digits.matches("-?\\d{1,10}")) {
            throw invalid(name + " must be a whole number, was '" + (digits.length() > 20 ? digits.substring(0, 20) + "…" : digits) + "'");
        }
        long number = Long.parseLong(digits);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw invalid(name + " is out of range: " + digits);
        }
        return (int) number;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PAGE, detail);
    }

    /** The rows to skip: none after a cursor, which says where to start. */
    public int offset() {
        return cursor == null ? page * size : 0;
    }
}
