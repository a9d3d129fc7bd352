package dev.kakehashi.platform.persistence;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.api.PageRequest;
import jakarta.persistence.TypedQuery;
import java.util.function.Function;

/**
 * Keyset paging over a list ordered by two keys (the second unique): the rows after a cursor are those
 * past its keys in the list's order, so the database seeks there instead of counting off an offset.
 */
public record Keyset(String first, boolean firstDescending, String second, boolean secondDescending) {

    public static Keyset ascending(String first, String second) {
        return new Keyset(first, false, second, false);
    }

    public static Keyset newestFirst(String first, String second) {
        return new Keyset(first, true, second, false);
    }

    /**
     * What follows a list's where clause: the condition of the rows after the page's cursor (if it has
     * one) and the list's order by.
     */
    public String from(PageRequest page) {
        return after(page) + order();
    }

    private String after(PageRequest page) {
        if (!page.hasCursor()) {
            return "";
        }
        String past = firstDescending ? " < " : " > ";
        String then = secondDescending ? " < " : " > ";
        return " and (" + first + past + ":keysetFirst or (" + first + " = :keysetFirst and " + second + then + ":keysetSecond))";
    }

    private String order() {
        return " order by " + first + (firstDescending ? " desc" : "") + ", " + second + (secondDescending ? " desc" : "");
    }

    /** Binds the cursor's keys; {@code firstKey} reads the first as the type of its column. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query, PageRequest page, Function<Cursor, Object> firstKey) {
        if (page.hasCursor()) {
            query.setParameter("keysetFirst", firstKey.apply(page.cursor())).setParameter("keysetSecond", page.cursor().second());
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.size());
    }
}
