package dev.kakehashi.consortium;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A bidding consortium formed by a leader company around one of its tenders. It decides who is in:
 * the leader invites, the invited company accepts or declines, the leader may withdraw an invitation,
 * a member other than the leader may withdraw. Its data is visible to its active members only; an
 * invited company sees the invitation and nothing else until it accepts.
 */
@Entity
@Table(name = "consortium")
public class Consortium {

    @Id
    private String id;

    @Column(name = "opportunity_id", nullable = false, updatable = false)
    private String opportunityId;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = CODE_LENGTH, updatable = false)
    private String code;

    @Column(name = "leader_company_id", nullable = false, updatable = false)
    private String leaderCompanyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "agreement_status", nullable = false)
    private AgreementStatus agreementStatus;

    @OneToMany(mappedBy = "consortium", cascade = CascadeType.ALL, fetch = jakarta.persistence.FetchType.EAGER)
    @OrderBy("invitedAt")
    private List<Membership> members = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    /** The longest name and code: the same in the browser, the API and the columns. */
    public static final int NAME_LENGTH = 200;
    public static final int CODE_LENGTH = 8;

    protected Consortium() {
    }

    static Consortium form(String opportunityId, String name, String code, String leaderCompanyId, String leaderAlias, String by, Instant now) {
        if (name == null || name.isBlank()) {
            throw rule("name", "required", "A consortium has a name");
        }
        if (name.length() > NAME_LENGTH) {
            throw rule("name", "too-long", "A consortium name has at most " + NAME_LENGTH + " characters");
        }
        Consortium c = new Consortium();
        c.id = UUID.randomUUID().toString();
        c.opportunityId = opportunityId;
        c.name = name;
        c.code = code;
        c.leaderCompanyId = leaderCompanyId;
        c.agreementStatus = AgreementStatus.MOU;
        c.createdAt = now;
        c.createdBy = by;
        c.members.add(new Membership(c, leaderCompanyId, leaderAlias, EnumSet.of(MemberRole.LEADER), MemberStatus.ACTIVE, by, now));
        return c;
    }

    Membership invite(String companyId, String companyAlias, Set<MemberRole> roles, String by, Instant now) {
        if (roles.contains(MemberRole.LEADER)) {
            throw rule("roles", "one-leader", "The consortium has one leader: the company that formed it");
        }
        Optional<Membership> existing = membershipOf(companyId);
        if (existing.isPresent()) {
            Membership membership = existing.get();
            if (membership.status() == MemberStatus.INVITED || membership.isActive()) {
                throw rule("company", "already-invited-or-member", companyAlias + " is already " + membership.status());
            }
            membership.inviteAgain(roles, by, now);
            return membership;
        }
        Membership membership = new Membership(this, companyId, companyAlias, roles, MemberStatus.INVITED, by, now);
        members.add(membership);
        return membership;
    }

    void accept(Membership invitation, String by, Instant now) {
        requireInvited(invitation);
        invitation.respond(MemberStatus.ACTIVE, by, now);
    }

    void decline(Membership invitation, String by, Instant now) {
        requireInvited(invitation);
        invitation.respond(MemberStatus.DECLINED, by, now);
    }

    void withdrawInvitation(Membership invitation, String by, Instant now) {
        requireInvited(invitation);
        invitation.respond(MemberStatus.WITHDRAWN, by, now);
    }

    void withdraw(Membership member, String by, Instant now) {
        if (member.companyId().equals(leaderCompanyId)) {
            throw rule("company", "leader-stays", "The leader cannot withdraw from its own consortium");
        }
        if (!member.isActive()) {
            throw rule("company", "active-member-only", "Only an active member can withdraw");
        }
        member.respond(MemberStatus.WITHDRAWN, by, now);
    }

    void advanceAgreement(AgreementStatus target) {
        if (target.ordinal() <= agreementStatus.ordinal()) {
            throw rule("agreementStatus", "agreement-moves-forward", "The agreement is " + agreementStatus + "; it can only move forward");
        }
        agreementStatus = target;
    }

    private static void requireInvited(Membership invitation) {
        if (invitation.status() != MemberStatus.INVITED) {
            throw rule("status", "invitation-open", "The invitation is " + invitation.status() + ", no longer open");
        }
    }

    static ProblemException rule(String field, String rule, String message) {
        return ProblemException.ruleViolated(field, rule, message);
    }

    public Optional<Membership> membershipOf(String companyId) {
        return members.stream().filter(m -> m.companyId().equals(companyId)).findFirst();
    }

    public boolean hasActiveMember(String companyId) {
        return membershipOf(companyId).map(Membership::isActive).orElse(false);
    }

    public boolean isLedBy(String companyId) {
        return leaderCompanyId.equals(companyId);
    }

    public List<Membership> activeMembers() {
        return members.stream().filter(Membership::isActive).toList();
    }

    public String id() {
        return id;
    }

    public String opportunityId() {
        return opportunityId;
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    public String leaderCompanyId() {
        return leaderCompanyId;
    }

    public AgreementStatus agreementStatus() {
        return agreementStatus;
    }

    public List<Membership> members() {
        return List.copyOf(members);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
