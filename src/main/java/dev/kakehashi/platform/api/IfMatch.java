package dev.kakehashi.platform.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The If-Match precondition of a change, and the one rule of the whole API for it: every PATCH, PUT
 * and state change needs it (428 without), and it must name the version the change applies to (412
 * otherwise). The service checks it after visibility and role, inside the transaction that writes,
 * where the entity's {@code @Version} also stops a concurrent writer that passed the same check.
 *
 * <p>Comparison is strong (RFC 9110 §13.1.1): a weak tag {@code W/"…"} never matches; {@code *}
 * matches any current version (the resource exists); a list matches when one of its tags does.
 */
public final class IfMatch {

    private static final IfMatch ABSENT = new IfMatch(false, false, List.of());

    private final boolean present;
    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean present, boolean any, List<String> strongTags) {
        this.present = present;
        this.any = any;
        this.strongTags = strongTags;
    }

    /** The header as a client sent it; never throws, whatever it holds. */
    public static IfMatch of(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        List<String> tags = new ArrayList<>();
        boolean any = false;
        for (String part : header.split(",", 64)) {
            String tag = part.strip();
            if (tag.equals("*")) {
                any = true;
            } else if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tags.add(tag.substring(1, tag.length() - 1));
            }
            // W/"…" and anything else: never matches
        }
        return new IfMatch(true, any, List.copyOf(tags));
    }

    /** What a page sends: the version it read. */
    public static IfMatch version(long version) {
        return new IfMatch(true, false, List.of(Long.toString(version)));
    }

    public boolean isPresent() {
        return present;
    }

    public boolean matches(long version) {
        return any || strongTags.contains(Long.toString(version));
    }

    /** Refuses the change unless If-Match was sent (428) and names {@code currentVersion} (412). */
    public void require(long currentVersion, String what) {
        if (!present) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the " + what + " you read");
        }
        if (!matches(currentVersion)) {
            throw EntityTags.stale();
        }
    }

    @Override
    public String toString() {
        return present ? (any ? "*" : String.join(",", strongTags)) : "(none)";
    }
}
