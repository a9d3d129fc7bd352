package dev.kakehashi.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.platform.api.Problem.FieldError;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The allocation rules, each named in the violation it produces. */
class AllocationTest {

    private static final Set<String> ACTIVE = Set.of("sakura-shoji", "hanbit-enc");

    private static Allocation.MemberShare member(String company, String equity, MemberRole... roles) {
        return new Allocation.MemberShare(company, roles.length == 0 ? EnumSet.noneOf(MemberRole.class) : EnumSet.of(roles[0], roles),
                equity == null ? null : new BigDecimal(equity));
    }

    private static Allocation.ScopePackage pack(String name, String responsible, String share, Map<String, Raci> raci) {
        return new Allocation.ScopePackage(name, responsible, share == null ? null : new BigDecimal(share), raci);
    }

    private static final List<Allocation.MemberShare> MEMBERS = List.of(
            member("sakura-shoji", "60", MemberRole.LEADER, MemberRole.SPONSOR), member("hanbit-enc", "40", MemberRole.EPC_CONTRACTOR));

    private static List<String> rules(Allocation allocation) {
        return allocation.violations("sakura-shoji", ACTIVE).stream().map(FieldError::rule).toList();
    }

    @Test
    void aSoundAllocationBreaksNoRule() {
        Allocation allocation = new Allocation(MEMBERS, List.of(
                pack("Gas turbine island", "hanbit-enc", "45.5", Map.of("hanbit-enc", Raci.R, "sakura-shoji", Raci.A)),
                pack("Financing", "sakura-shoji", "54.5", Map.of("sakura-shoji", Raci.A, "hanbit-enc", Raci.C))));

        assertThat(allocation.violations("sakura-shoji", ACTIVE)).isEmpty();
    }

    @Test
    void equitySharesMustSumToOneHundredOnceAnyIsSet() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", "60", MemberRole.LEADER), member("hanbit-enc", "30", MemberRole.EPC_CONTRACTOR)), List.of());

        assertThat(allocation.violations("sakura-shoji", ACTIVE)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("equity-sums-to-100");
            assertThat(e.message()).contains("90");
        });
    }

    @Test
    void oneEquityShareSetMeansAllAreNeeded() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", "100", MemberRole.LEADER), member("hanbit-enc", null, MemberRole.EPC_CONTRACTOR)), List.of());

        assertThat(rules(allocation)).containsExactly("equity-complete");
    }

    @Test
    void noEquityAtAllIsAllowed() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", null, MemberRole.LEADER), member("hanbit-enc", null, MemberRole.EPC_CONTRACTOR)), List.of());

        assertThat(rules(allocation)).isEmpty();
    }

    @Test
    void workSharesMustSumToOneHundred() {
        Allocation allocation = new Allocation(MEMBERS, List.of(
                pack("Boiler island", "hanbit-enc", "70", Map.of("hanbit-enc", Raci.A)),
                pack("Civil", "hanbit-enc", "20", Map.of("hanbit-enc", Raci.A))));

        assertThat(rules(allocation)).containsExactly("work-share-sums-to-100");
    }

    @Test
    void eachPackageHasAnActiveResponsibleMember() {
        Allocation allocation = new Allocation(MEMBERS, List.of(pack("Turbine", "mirae-epc", "100", Map.of("sakura-shoji", Raci.A))));

        assertThat(allocation.violations("sakura-shoji", ACTIVE)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("responsible-is-active-member");
            assertThat(e.field()).isEqualTo("packages[0].responsible");
        });
    }

    @Test
    void eachRaciRowHasExactlyOneAccountable() {
        Allocation none = new Allocation(MEMBERS, List.of(pack("Turbine", "hanbit-enc", "100", Map.of("hanbit-enc", Raci.R))));
        Allocation two = new Allocation(MEMBERS, List.of(pack("Turbine", "hanbit-enc", "100", Map.of("hanbit-enc", Raci.A, "sakura-shoji", Raci.A))));

        assertThat(rules(none)).containsExactly("exactly-one-accountable");
        assertThat(rules(two)).containsExactly("exactly-one-accountable");
    }

    @Test
    void sharesStayBetweenZeroAndOneHundred() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", "120", MemberRole.LEADER), member("hanbit-enc", "-20", MemberRole.EPC_CONTRACTOR)), List.of());

        assertThat(rules(allocation)).containsExactly("share-between-0-and-100", "share-between-0-and-100");
    }

    @Test
    void aLeaderMustExistAndBeTheConsortiumsLeader() {
        Allocation noLeader = new Allocation(List.of(member("sakura-shoji", null, MemberRole.SPONSOR), member("hanbit-enc", null, MemberRole.EPC_CONTRACTOR)), List.of());
        Allocation wrongLeader = new Allocation(List.of(member("sakura-shoji", null, MemberRole.SPONSOR), member("hanbit-enc", null, MemberRole.LEADER)), List.of());

        assertThat(rules(noLeader)).containsExactly("leader-exists");
        assertThat(rules(wrongLeader)).containsExactly("leader-is-consortium-leader");
    }

    @Test
    void onlyActiveMembersAndAllOfThemAreAllocated() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", null, MemberRole.LEADER), member("mirae-epc", null, MemberRole.EQUIPMENT_SUPPLIER)), List.of());

        assertThat(rules(allocation)).containsExactlyInAnyOrder("member-is-active", "every-active-member-listed");
    }

    @Test
    void raciPartiesAreActiveMembersAndTheResponsibleIsROrA() {
        Allocation allocation = new Allocation(MEMBERS, List.of(pack("Turbine", "hanbit-enc", "100",
                Map.of("hanbit-enc", Raci.I, "sakura-shoji", Raci.A, "tsubasa-trading", Raci.C))));

        assertThat(rules(allocation)).containsExactlyInAnyOrder("raci-party-is-member", "responsible-is-r-or-a");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Allocation allocation = new Allocation(List.of(member("sakura-shoji", "70", MemberRole.SPONSOR), member("hanbit-enc", "40", MemberRole.EPC_CONTRACTOR)),
                List.of(pack("Turbine", "hanbit-enc", "90", Map.of("hanbit-enc", Raci.R)), pack("turbine", "hanbit-enc", null, Map.of("sakura-shoji", Raci.A))));

        assertThat(rules(allocation)).contains("leader-exists", "equity-sums-to-100", "exactly-one-accountable", "package-name-unique", "work-share-set");
    }

    @Test
    void sharesOfTinyOrHugeExponentsAreJudgedByTheirScaleAloneAndNeverSummed() {
        for (String[] share : new String[][] {{"1e-600000000", "share-decimals"}, {"1e600000000", "share-between-0-and-100"},
                {"33.33333", "share-decimals"}, {"1E+9", "share-between-0-and-100"}}) {
            long t0 = System.nanoTime();
            Allocation allocation = new Allocation(MEMBERS, List.of(
                    pack("Gas turbine island", "hanbit-enc", share[0], Map.of("hanbit-enc", Raci.R, "sakura-shoji", Raci.A))));

            assertThat(rules(allocation)).as(share[0]).containsExactly(share[1]);
            assertThat((System.nanoTime() - t0) / 1_000_000).as(share[0] + ": ms").isLessThan(1_000);
        }
    }

    @Test
    void aShareWithFourDecimalsOrTrailingZerosIsAShare() {
        Allocation allocation = new Allocation(MEMBERS, List.of(
                pack("Gas turbine island", "hanbit-enc", "45.12340000", Map.of("hanbit-enc", Raci.R, "sakura-shoji", Raci.A)),
                pack("Financing", "sakura-shoji", "54.8766", Map.of("sakura-shoji", Raci.A))));

        assertThat(allocation.violations("sakura-shoji", ACTIVE)).isEmpty();
    }
}
