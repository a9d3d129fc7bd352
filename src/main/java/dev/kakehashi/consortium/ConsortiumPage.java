package dev.kakehashi.consortium;

import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consortium workspace: members and invitations, the invite form, and the allocation editor —
 * a matrix of scope packages × members with live rule checks and bars of equity and work-share.
 */
@Named
@ViewScoped
public class ConsortiumPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsortiumService consortia;

    @Inject
    CompanyDirectory companies;

    @Inject
    CallerContext context;

    /** A member's line of the allocation. */
    public static class MemberRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String company;
        // Strings: a multi-select binds into a generic List without knowing the enum type.
        private List<String> roles = new ArrayList<>();
        private BigDecimal equity;

        public String getCompany() {
            return company;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public BigDecimal getEquity() {
            return equity;
        }

        public void setEquity(BigDecimal equity) {
            this.equity = equity;
        }
    }

    /** A scope package's line: name, responsible member, work-share and the RACI letter of each member. */
    public static class PackageRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String responsible;
        private BigDecimal workShare;
        private Map<String, String> raci = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getResponsible() {
            return responsible;
        }

        public void setResponsible(String responsible) {
            this.responsible = responsible;
        }

        public BigDecimal getWorkShare() {
            return workShare;
        }

        public void setWorkShare(BigDecimal workShare) {
            this.workShare = workShare;
        }

        public Map<String, String> getRaci() {
            return raci;
        }
    }

    /** One bar of a chart. */
    public record Bar(String label, BigDecimal percent) {
    }

    private String id;
    private int allocationVersion;
    private List<MemberRow> members = new ArrayList<>();
    private List<PackageRow> packages = new ArrayList<>();
    private String inviteCompany;
    private List<String> inviteRoles = new ArrayList<>();

    /** The version of the consortium the person saw: what advancing the agreement applies to. */
    private long consortiumVersion;

    public void load() {
        consortiumVersion = getConsortium().version();
        ConsortiumService.CurrentAllocation current = consortia.allocation(id, null);
        allocationVersion = current.version();
        members = new ArrayList<>();
        for (Allocation.MemberShare share : current.allocation().members()) {
            MemberRow row = new MemberRow();
            row.company = share.company();
            row.roles = share.roles().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
            row.equity = share.equityShare();
            members.add(row);
        }
        packages = new ArrayList<>();
        for (Allocation.ScopePackage pack : current.allocation().packages()) {
            PackageRow row = new PackageRow();
            row.name = pack.name();
            row.responsible = pack.responsible();
            row.workShare = pack.workShare();
            pack.raci().forEach((party, letter) -> row.raci.put(party, letter.name()));
            packages.add(row);
        }
    }

    public Consortium getConsortium() {
        return PerRequest.get("consortium", () -> consortia.visible(id));
    }

    public String getLeader() {
        return PerRequest.get("consortium.leader", () -> consortia.aliasOf(getConsortium().leaderCompanyId()));
    }

    public String getOpportunityTitle() {
        return PerRequest.get("consortium.title", () -> consortia.opportunityTitle(getConsortium()));
    }

    public boolean isMayLead() {
        return getConsortium().isLedBy(context.company().id()) && context.caller().has(Role.BID_MANAGER);
    }

    public List<Membership> getMemberships() {
        return getConsortium().members();
    }

    public List<String> getActiveAliases() {
        return getConsortium().activeMembers().stream().map(Membership::companyAlias).toList();
    }

    public List<Company> getInvitableCompanies() {
        Set<String> inside = getConsortium().members().stream().filter(m -> m.status() == MemberStatus.INVITED || m.isActive())
                .map(Membership::companyAlias).collect(Collectors.toSet());
        return companies.all().stream().filter(c -> !inside.contains(c.alias())).toList();
    }

    public MemberRole[] getInvitableRoles() {
        return EnumSet.complementOf(EnumSet.of(MemberRole.LEADER)).toArray(MemberRole[]::new);
    }

    public MemberRole[] getAllRoles() {
        return MemberRole.values();
    }

    public Raci[] getRaciLetters() {
        return Raci.values();
    }

    public String invite() {
        return Actions.change(() -> consortia.invite(id, inviteCompany, roles(inviteRoles)), "consortium.invited");
    }

    public AgreementStatus getNextAgreement() {
        AgreementStatus[] all = AgreementStatus.values();
        int next = getConsortium().agreementStatus().ordinal() + 1;
        return next < all.length ? all[next] : null;
    }

    public String advanceAgreement() {
        return Actions.change(() -> consortia.advanceAgreement(id, getNextAgreement(), IfMatch.version(consortiumVersion)),
                "consortium.agreementAdvanced");
    }

    public String withdrawInvitation(Membership invitation) {
        return Actions.change(() -> consortia.withdrawInvitation(invitation.id(), IfMatch.version(invitation.version())),
                "invitation.withdrawn");
    }

    // ---- allocation editor ----------------------------------------------------------------------

    public void addPackage() {
        PackageRow row = new PackageRow();
        row.name = "";
        packages.add(row);
    }

    public void removePackage(PackageRow row) {
        packages.remove(row);
    }

    Allocation allocation() {
        List<Allocation.MemberShare> shares = members.stream()
                .map(m -> new Allocation.MemberShare(m.company, roles(m.roles), m.equity))
                .toList();
        List<Allocation.ScopePackage> scope = packages.stream().map(p -> {
            Map<String, Raci> raci = new LinkedHashMap<>();
            p.raci.forEach((party, letter) -> {
                if (letter != null && !letter.isBlank()) {
                    raci.put(party, Raci.valueOf(letter));
                }
            });
            return new Allocation.ScopePackage(p.name, p.responsible, p.workShare, raci);
        }).toList();
        return new Allocation(shares, scope);
    }

    private static Set<MemberRole> roles(List<String> names) {
        Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        names.forEach(name -> roles.add(MemberRole.valueOf(name)));
        return roles;
    }

    /** The rules the allocation being edited breaks now, in the person's language. */
    public List<String> getViolations() {
        return allocation().violations(getLeader(), Set.copyOf(getActiveAliases())).stream().map(Messages::of).toList();
    }

    public List<Bar> getEquityBars() {
        return members.stream().map(m -> new Bar(m.company, m.equity == null ? BigDecimal.ZERO : m.equity)).toList();
    }

    public List<Bar> getWorkShareBars() {
        Map<String, BigDecimal> byMember = new LinkedHashMap<>();
        members.forEach(m -> byMember.put(m.company, BigDecimal.ZERO));
        packages.stream().filter(p -> p.responsible != null && p.workShare != null)
                .forEach(p -> byMember.merge(p.responsible, p.workShare, BigDecimal::add));
        return byMember.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue().setScale(1, RoundingMode.HALF_UP))).toList();
    }

    public String save() {
        return Actions.change(() -> consortia.allocate(id, allocation(), IfMatch.version(allocationVersion)), "allocation.saved");
    }


    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getAllocationVersion() {
        return allocationVersion;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public List<PackageRow> getPackages() {
        return packages;
    }

    public String getInviteCompany() {
        return inviteCompany;
    }

    public void setInviteCompany(String inviteCompany) {
        this.inviteCompany = inviteCompany;
    }

    public List<String> getInviteRoles() {
        return inviteRoles;
    }

    public void setInviteRoles(List<String> inviteRoles) {
        this.inviteRoles = inviteRoles;
    }
}
