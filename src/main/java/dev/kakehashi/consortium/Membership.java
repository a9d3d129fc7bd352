package dev.kakehashi.consortium;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A company in a consortium, from invitation on. While INVITED it is the invitation (its id is the
 * invitation's id); accepting makes it ACTIVE. One per company and consortium: a company invited
 * again after declining or withdrawing gets the same membership back, with its history in the audit.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consortium_id", nullable = false, updatable = false)
    private Consortium consortium;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "company_alias", nullable = false, updatable = false)
    private String companyAlias;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_role", joinColumns = @JoinColumn(name = "membership_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "invited_by", nullable = false)
    private String invitedBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "responded_by")
    private String respondedBy;

    @Version
    private long version;

    protected Membership() {
    }

    Membership(Consortium consortium, String companyId, String companyAlias, Set<MemberRole> roles, MemberStatus status,
               String by, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.consortium = consortium;
        this.companyId = companyId;
        this.companyAlias = companyAlias;
        this.roles = EnumSet.copyOf(roles);
        this.status = status;
        this.invitedAt = now;
        this.invitedBy = by;
        if (status == MemberStatus.ACTIVE) {
            this.respondedAt = now;
            this.respondedBy = by;
        }
    }

    void inviteAgain(Set<MemberRole> roles, String by, Instant now) {
        this.roles = EnumSet.copyOf(roles);
        this.status = MemberStatus.INVITED;
        this.invitedAt = now;
        this.invitedBy = by;
        this.respondedAt = null;
        this.respondedBy = null;
    }

    void respond(MemberStatus outcome, String by, Instant now) {
        this.status = outcome;
        this.respondedAt = now;
        this.respondedBy = by;
    }

    void assignRoles(Set<MemberRole> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(MemberRole.class) : EnumSet.copyOf(roles);
    }

    public String id() {
        return id;
    }

    public Consortium consortium() {
        return consortium;
    }

    public String companyId() {
        return companyId;
    }

    public String companyAlias() {
        return companyAlias;
    }

    public Set<MemberRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(MemberRole.class) : EnumSet.copyOf(roles);
    }

    public MemberStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public long version() {
        return version;
    }
}
