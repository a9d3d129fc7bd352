package dev.kakehashi.platform.i18n;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import org.hibernate.annotations.TenantId;

/**
 * A person's language and time zone, remembered across devices. Owned by the person's company
 * ({@code @TenantId}), like all company data, so it is never visible across companies.
 */
@Entity
@Table(name = "user_preferences")
public class UserPreferences {

    @Id
    @Column(name = "user_id")
    private String userId;

    @TenantId
    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserPreferences() {
    }

    UserPreferences(String userId, Language language, ZoneId timeZone, Instant now) {
        this.userId = userId;
        change(language, timeZone, now);
    }

    void change(Language language, ZoneId timeZone, Instant now) {
        this.language = language.code();
        this.timeZone = timeZone.getId();
        this.updatedAt = now;
    }

    public Language language() {
        return Language.of(language).orElse(Language.EN);
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public long version() {
        return version;
    }
}
