package dev.kakehashi.platform.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a list goes on: the sort key of the last row a page ended with, written as an opaque token for
 * {@code ?cursor=}. The next page starts after that row (keyset paging), so rows added meanwhile before
 * it shift nothing. A cursor only narrows a query that is scoped to the caller's company anyway: one
 * made up by a client can reveal nothing it may not see.
 */
public record Cursor(String first, String second) {

    public static final int MAX_LENGTH = 512;
    public static final String PATTERN = "^[A-Za-z0-9_-]{1,512}$";
    private static final Pattern TOKEN = Pattern.compile(PATTERN);
    private static final String VERSION = "k1";

    public static Cursor after(Object first, Object second) {
        return new Cursor(String.valueOf(first), second == null ? "" : String.valueOf(second));
    }

    public String token() {
        String text = VERSION + "\n" + first + "\n" + second;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; anything this API did not give is 400 invalid-page. */
    public static Cursor parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String t = token.strip();
        if (t.length() > MAX_LENGTH || !TOKEN.matcher(t).matches()) {
            throw invalid();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(t), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        return new Cursor(parts[1], parts[2]);
    }

    /** The first key as the time it was written from. */
    public Instant firstInstant() {
        try {
            return Instant.parse(first);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_PAGE, "cursor is not one this API gave: use the Link rel=\"next\" of the page before");
    }
}
