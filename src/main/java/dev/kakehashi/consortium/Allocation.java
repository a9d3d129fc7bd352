package dev.kakehashi.consortium;

import dev.kakehashi.platform.api.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who does what in a consortium, as one document: each member's roles and equity share, and the scope
 * packages with their responsible member, work-share by value and RACI row. {@link #violations} names
 * every rule the document breaks, with the offending item, so that the leader can fix all at once.
 */
public record Allocation(List<MemberShare> members, List<ScopePackage> packages) {

    static final BigDecimal HUNDRED = new BigDecimal(100);
    /** A share is a percentage with at most this many decimals. */
    public static final int SHARE_DECIMALS = 4;
    /** The longest name of a scope package. */
    public static final int PACKAGE_NAME_LENGTH = 200;

    public record MemberShare(String company, Set<MemberRole> roles, BigDecimal equityShare) {
    }

    public record ScopePackage(String name, String responsible, BigDecimal workShare, Map<String, Raci> raci) {
    }

    public Allocation {
        members = List.copyOf(members);
        packages = List.copyOf(packages);
    }

    /**
     * @param leader        alias of the consortium's leader company
     * @param activeMembers aliases of its active members
     */
    public List<FieldError> violations(String leader, Set<String> activeMembers) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int leaders = 0;
        for (int i = 0; i < members.size(); i++) {
            MemberShare member = members.get(i);
            String at = "members[" + i + "]";
            if (!listed.add(member.company())) {
                errors.add(new FieldError(at + ".company", "member-listed-once", member.company() + " is listed twice"));
            }
            if (!activeMembers.contains(member.company())) {
                errors.add(new FieldError(at + ".company", "member-is-active", member.company() + " is not an active member of the consortium"));
            }
            if (member.roles().isEmpty()) {
                errors.add(new FieldError(at + ".roles", "member-has-role", member.company() + " has no role"));
            }
            if (member.roles().contains(MemberRole.LEADER)) {
                leaders++;
                if (!member.company().equals(leader)) {
                    errors.add(new FieldError(at + ".roles", "leader-is-consortium-leader", "only " + leader + ", which formed the consortium, is LEADER"));
                }
            }
            checkShare(errors, at + ".equityShare", member.equityShare());
        }
        boolean sharesInBounds = members.stream().allMatch(m -> isShare(m.equityShare()))
                && packages.stream().allMatch(p -> isShare(p.workShare()));
        if (leaders == 0) {
            errors.add(new FieldError("members", "leader-exists", "one member must hold the role LEADER (" + leader + ")"));
        }
        for (String active : activeMembers) {
            if (!listed.contains(active)) {
                errors.add(new FieldError("members", "every-active-member-listed", active + " is an active member but not in the allocation"));
            }
        }
        long withEquity = members.stream().filter(m -> m.equityShare() != null).count();
        if (withEquity > 0 && sharesInBounds) {
            if (withEquity < members.size()) {
                errors.add(new FieldError("members", "equity-complete", "once one equity share is set, every member needs one"));
            } else {
                BigDecimal sum = members.stream().map(MemberShare::equityShare).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(HUNDRED) != 0) {
                    errors.add(new FieldError("members", "equity-sums-to-100", "equity shares sum to " + sum.stripTrailingZeros().toPlainString() + " %, not 100 %"));
                }
            }
        }
        Set<String> names = new HashSet<>();
        BigDecimal work = BigDecimal.ZERO;
        for (int i = 0; i < packages.size(); i++) {
            ScopePackage pack = packages.get(i);
            String at = "packages[" + i + "]";
            if (pack.name() == null || pack.name().isBlank()) {
                errors.add(new FieldError(at + ".name", "package-named", "every package needs a name"));
            } else if (pack.name().length() > PACKAGE_NAME_LENGTH) {
                errors.add(new FieldError(at + ".name", "too-long", "a package name has at most " + PACKAGE_NAME_LENGTH + " characters"));
            } else if (!names.add(pack.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError(at + ".name", "package-name-unique", "'" + pack.name() + "' is used twice"));
            }
            if (pack.responsible() == null || !activeMembers.contains(pack.responsible())) {
                errors.add(new FieldError(at + ".responsible", "responsible-is-active-member",
                        "'" + pack.name() + "' needs exactly one responsible member that is active; " + pack.responsible() + " is not"));
            }
            if (pack.workShare() == null) {
                errors.add(new FieldError(at + ".workShare", "work-share-set", "'" + pack.name() + "' needs a work-share"));
            } else {
                checkShare(errors, at + ".workShare", pack.workShare());
                if (sharesInBounds) {
                    work = work.add(pack.workShare());
                }
            }
            checkRaci(errors, at, pack, activeMembers);
        }
        if (!packages.isEmpty() && sharesInBounds && work.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("packages", "work-share-sums-to-100", "work-shares sum to " + work.stripTrailingZeros().toPlainString() + " %, not 100 %"));
        }
        return errors;
    }

    private static void checkShare(List<FieldError> errors, String at, BigDecimal share) {
        if (share == null) {
            return;
        }
        // Judged by scale and magnitude only, before any arithmetic: 1e-600000000 must cost nothing.
        if (share.scale() > SHARE_DECIMALS && share.stripTrailingZeros().scale() > SHARE_DECIMALS) {
            errors.add(new FieldError(at, "share-decimals", "a share has at most " + SHARE_DECIMALS + " decimals"));
        } else if (share.signum() < 0 || (long) share.precision() - share.scale() > 3 || share.compareTo(HUNDRED) > 0) {
            errors.add(new FieldError(at, "share-between-0-and-100", "a share is between 0 and 100 %, not "
                    + (share.precision() > 12 || share.scale() < 0 ? share.toString() : share.toPlainString())));
        }
    }

    /** Whether a share (or its absence) is within the bounds, so that sums over it mean something. */
    static boolean isShare(BigDecimal share) {
        return share == null || ((share.scale() <= SHARE_DECIMALS || share.stripTrailingZeros().scale() <= SHARE_DECIMALS)
                && share.signum() >= 0 && (long) share.precision() - share.scale() <= 3 && share.compareTo(HUNDRED) <= 0);
    }

    private static void checkRaci(List<FieldError> errors, String at, ScopePackage pack, Set<String> activeMembers) {
        Map<String, Raci> raci = pack.raci() == null ? Map.of() : pack.raci();
        long accountable = raci.values().stream().filter(r -> r == Raci.A).count();
        if (accountable != 1) {
            errors.add(new FieldError(at + ".raci", "exactly-one-accountable", "'" + pack.name() + "' has " + accountable + " Accountable, needs exactly one"));
        }
        for (String party : raci.keySet()) {
            if (!activeMembers.contains(party)) {
                errors.add(new FieldError(at + ".raci." + party, "raci-party-is-member", party + " is not an active member"));
            }
        }
        if (pack.responsible() != null && raci.containsKey(pack.responsible()) && raci.get(pack.responsible()) != Raci.R
                && raci.get(pack.responsible()) != Raci.A) {
            errors.add(new FieldError(at + ".raci." + pack.responsible(), "responsible-is-r-or-a",
                    "the responsible member of '" + pack.name() + "' is R or A in its RACI row"));
        }
    }

    /** The starting point before any allocation is saved: the members with the roles they were invited with. */
    static Allocation fromMembers(List<Membership> active) {
        return new Allocation(active.stream().map(m -> new MemberShare(m.companyAlias(), m.roles(), null)).toList(), List.of());
    }

    Map<String, Set<MemberRole>> rolesByCompany() {
        Map<String, Set<MemberRole>> roles = new LinkedHashMap<>();
        members.forEach(m -> roles.put(m.company(), m.roles()));
        return roles;
    }
}
