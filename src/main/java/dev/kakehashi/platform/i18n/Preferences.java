package dev.kakehashi.platform.i18n;

import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;

/** Reads and changes the caller's own preferences; defaults come from the person's token locale. */
@ApplicationScoped
@Transactional
public class Preferences {

    /** Until a person chooses, times are shown in UTC and the tender's own zone beside them. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /**
     * What a person has, whether stored yet or not. {@code version} is 0 until the first save and then
     * counts saves (JPA's {@code @Version} + 1), so that "never saved" and "saved once" differ.
     */
    public record Current(Language language, ZoneId timeZone, long version) implements java.io.Serializable {
        static Current of(UserPreferences stored) {
            return new Current(stored.language(), stored.timeZone(), stored.version() + 1);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    Clock clock;

    public Current mine() {
        UserPreferences stored = em.find(UserPreferences.class, context.caller().userId());
        return stored == null ? new Current(Language.EN, DEFAULT_ZONE, 0) : Current.of(stored);
    }

    /**
     * Changes the caller's preferences, when If-Match names the version the caller read ("0" before
     * the first save).
     */
    public Current change(Language language, ZoneId timeZone, IfMatch ifMatch) {
        UserPreferences stored = em.find(UserPreferences.class, context.caller().userId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(stored == null ? 0 : Current.of(stored).version(), "preferences");
        if (stored == null) {
            stored = new UserPreferences(context.caller().userId(), language, timeZone, clock.instant());
            em.persist(stored);
        } else {
            stored.change(language, timeZone, clock.instant());
        }
        em.flush();
        return Current.of(stored);
    }
}
