package dev.kakehashi.company;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant: one member firm of the platform, mirrored by a Keycloak Organization of the same alias.
 * Its id is the tenant identifier of all company-owned data; its alias is how people and the API
 * name it. Names are kept per language because a Japanese or Korean firm's legal name is in its own
 * script, and partners read it in English.
 */
@Entity
@Table(name = "company")
public class Company {

    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String alias;

    /** Short code in document numbers, e.g. SKR in QTP-SKR-ELE-SPC-0007. */
    @Column(length = 6)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompanyKind kind;

    @Column(nullable = false, length = 2)
    private String country;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_name", joinColumns = @JoinColumn(name = "company_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "name", nullable = false)
    private Map<String, String> names = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Company() {
    }

    public String id() {
        return id;
    }

    public String alias() {
        return alias;
    }

    /** The code documents are numbered with: the company's code, or else the first letters of its alias. */
    public String numberingCode() {
        if (code != null && !code.isBlank()) {
            return code;
        }
        String letters = alias.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        return letters.substring(0, Math.min(3, letters.length()));
    }

    public CompanyKind kind() {
        return kind;
    }

    public String country() {
        return country;
    }

    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    /** The name in the reader's language, else English, else any. */
    public String nameIn(Locale locale) {
        String name = names.get(locale.getLanguage());
        if (name == null) {
            name = names.get("en");
        }
        return name != null ? name : names.values().stream().findFirst().orElse(alias);
    }
}
