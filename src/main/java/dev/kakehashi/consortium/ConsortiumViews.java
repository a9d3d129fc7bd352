package dev.kakehashi.consortium;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the API shows consortia, members, invitations and allocations. */
public final class ConsortiumViews {

    private ConsortiumViews() {
    }

    public record ConsortiumView(String id, String opportunityId, String opportunityTitle, String name, String code, String leader,
                                 AgreementStatus agreementStatus, Instant createdAt, long version) {
    }

    /** {@code version} is the membership's ETag: If-Match of a withdrawal. */
    public record MemberView(String company, List<MemberRole> roles, MemberStatus status, Instant invitedAt, Instant respondedAt,
                             long version) {
        static MemberView of(Membership m) {
            return new MemberView(m.companyAlias(), m.roles().stream().sorted().toList(), m.status(), m.invitedAt(), m.respondedAt(),
                    m.version());
        }
    }

    /** {@code version} is the invitation's ETag: If-Match of accept, decline and withdraw. */
    public record InvitationView(String id, String company, List<MemberRole> roles, MemberStatus status, Instant invitedAt,
                                 ConsortiumSummary consortium, long version) {
    }

    /** What an invited company may know of the consortium before it accepts. */
    public record ConsortiumSummary(String id, String name, String code, String leader, String opportunityTitle) {
    }

    public record MemberShareView(String company, List<MemberRole> roles, BigDecimal equityShare) {
    }

    public record PackageView(String name, String responsible, BigDecimal workShare, Map<String, Raci> raci) {
    }

    public record AllocationView(List<MemberShareView> members, List<PackageView> packages, int version, Instant savedAt, String savedBy) {
        static AllocationView of(ConsortiumService.CurrentAllocation current) {
            Allocation a = current.allocation();
            return new AllocationView(
                    a.members().stream().map(m -> new MemberShareView(m.company(), m.roles().stream().sorted().toList(), m.equityShare())).toList(),
                    a.packages().stream().map(p -> new PackageView(p.name(), p.responsible(), p.workShare(), p.raci())).toList(),
                    current.version(), current.savedAt(), current.savedBy());
        }
    }
}
