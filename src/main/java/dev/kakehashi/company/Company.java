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
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    @Column(nullable = false, unique = true, updatable = false, length = ALIAS_LENGTH)
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
    @Column(name = "name", nullable = false, length = NAME_LENGTH)
    private Map<String, String> names = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_domain", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "domain", nullable = false)
    private Set<String> domains = new HashSet<>();

    /** Its Keycloak Organization; null for a company the realm file made, until first looked up. */
    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "onboarded_by", updatable = false)
    private String onboardedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    /** The longest alias, name, e-mail and domain list: the same in the browser, the API and the columns. */
    public static final int ALIAS_LENGTH = 63;
    public static final int NAME_LENGTH = 255;
    public static final int COUNTRY_LENGTH = 2;
    public static final int EMAIL_LENGTH = 254;
    public static final int DOMAINS_INPUT_LENGTH = 1000;

    protected Company() {
    }

    /** A company the platform operator onboarded, mirrored by the Keycloak Organization {@code organizationId}. */
    static Company onboarded(String alias, Map<String, String> names, CompanyKind kind, String country, String code,
                             Set<String> domains, String organizationId, String operator, Instant now) {
        Company company = new Company();
        company.id = java.util.UUID.randomUUID().toString();
        company.alias = alias;
        company.names.putAll(names);
        company.kind = kind;
        company.country = country;
        company.code = code;
        company.domains.addAll(domains);
        company.organizationId = organizationId;
        company.onboardedBy = operator;
        company.createdAt = now;
        return company;
    }

    /** Whether an onboarding request describes this very company (a repeat of the request that made it). */
    boolean isDescribedBy(Map<String, String> names, CompanyKind kind, String country, Set<String> domains) {
        return this.names.equals(names) && this.kind == kind && this.country.equals(country) && this.domains.equals(domains);
    }

    void mirroredBy(String organizationId) {
        this.organizationId = organizationId;
    }

    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /** The e-mail domains whose people belong to this company. */
    public Set<String> domains() {
        return Set.copyOf(domains);
    }

    public boolean ownsDomainOf(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
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
