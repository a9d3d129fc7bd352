package dev.kakehashi.company;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;

/**
 * An ERP integration of a company: a Keycloak service-account client whose tokens act for this
 * company only. Kakehashi keeps which company owns it (the secret stays in Keycloak); a revoked
 * client is disabled, never deleted, so the trail keeps naming it.
 */
@Entity
@Table(name = "erp_client")
public class ErpClient {

    /** The longest name of a client. */
    public static final int NAME_LENGTH = 200;

    @Id
    private String id;

    @TenantId
    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    /** Kakehashi roles of its service account, space-separated claim values. */
    @Column(nullable = false)
    private String roles;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ErpClient() {
    }

    ErpClient(String clientId, String name, Set<Role> roles, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.clientId = clientId;
        this.name = name;
        this.roles = roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void secretRotated(Instant now) {
        requireActive();
        secretRotatedAt = now;
    }

    void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    void requireActive() {
        if (isRevoked()) {
            throw ProblemException.ruleViolated("id", "revoked", "This client is revoked; create a new one");
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public Set<Role> roles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(" ")).map(Role::fromClaim).forEach(r -> r.ifPresent(set::add));
        return set;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public long version() {
        return version;
    }
}
