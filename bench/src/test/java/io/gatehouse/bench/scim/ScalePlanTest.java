package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.bench.scim.ScalePlan.AddProbe;
import io.gatehouse.bench.scim.ScalePlan.MembershipChange;
import io.gatehouse.bench.scim.ScalePlan.UserChange;
import io.gatehouse.bench.scim.SyncPlan.PlannedGroup;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScalePlanTest {

    private static final ScaleShape DEFAULT_SHAPE = new ScaleShape(100, 5, 10_000, 50_000);
    private static final ScaleShape SMALL_SHAPE = new ScaleShape(20, 3, 500, 2_500);

    /** The default 100,000-user plan takes seconds to generate, so the tests share one. */
    private static ScalePlan defaultPlan;

    private static synchronized ScalePlan defaultPlan() {
        if (defaultPlan == null) {
            defaultPlan = ScalePlan.generate(1, 100_000, 1_000, DEFAULT_SHAPE, 5, 1_000, 200);
        }
        return defaultPlan;
    }

    private static ScalePlan small(long seed) {
        return ScalePlan.generate(seed, 5_000, 50, SMALL_SHAPE, 5, 1_000, 200);
    }

    private static int[] sortedSizes(ScalePlan plan) {
        return plan.initial().groups().stream().mapToInt(g -> g.memberIndexes().length).sorted().toArray();
    }

    @Test
    void defaultShapeHasOneHugeFiveLargeAndOrdinaryGroupsOfAboutOneHundred() {
        ScalePlan plan = defaultPlan();

        int[] sizes = sortedSizes(plan);
        assertThat(plan.initial().users()).hasSize(100_000);
        assertThat(sizes).hasSize(1_000);
        assertThat(sizes[999]).isEqualTo(50_000);
        assertThat(Arrays.copyOfRange(sizes, 994, 999)).containsOnly(10_000);
        int[] ordinary = Arrays.copyOf(sizes, 994);
        assertThat(ordinary[0]).isGreaterThanOrEqualTo(80);
        assertThat(ordinary[993]).isLessThanOrEqualTo(120);
        assertThat(Arrays.stream(ordinary).average().orElseThrow()).isBetween(97.0, 103.0);
        assertThat(plan.initial().groups().get(plan.hugeGroup()).memberIndexes()).hasSize(50_000);
        assertThat(plan.largeGroups()).hasSize(5);
        for (int g : plan.largeGroups()) {
            assertThat(plan.initial().groups().get(g).memberIndexes()).hasSize(10_000);
        }
        assertThat(plan.memberships()).isEqualTo(Arrays.stream(sizes).sum());
    }

    @Test
    void incrementalCycleChangesOnePercentOfUsersAndOfMemberships() {
        ScalePlan plan = defaultPlan();

        assertThat(plan.userChanges()).hasSize(1_000);
        assertThat(plan.userChanges().stream().map(UserChange::userIndex).distinct()).hasSize(1_000);
        long disables = plan.userChanges().stream().filter(UserChange::disable).count();
        assertThat(disables).isBetween(120L, 280L); // about one in five
        assertThat(plan.membershipChanges()).hasSize(plan.memberships() / 100);
        assertThat(plan.membershipChanges().get(0)).isEqualTo(
                new MembershipChange(plan.hugeGroup(), plan.membershipChanges().get(0).userIndex(), false));
        long adds = plan.membershipChanges().stream().filter(MembershipChange::add).count();
        assertThat(adds).isBetween(plan.memberships() / 100 / 3L, plan.memberships() / 100 * 2 / 3L);
    }

    @Test
    void sameSeedSamePlanOtherSeedOtherMembers() {
        ScalePlan first = small(42);
        ScalePlan second = small(42);
        ScalePlan other = small(43);

        assertThat(second).usingRecursiveComparison().isEqualTo(first);
        assertThat(sortedSizes(other)[49]).isEqualTo(sortedSizes(first)[49]);
        assertThat(other.initial().groups().get(0).memberIndexes())
                .isNotEqualTo(first.initial().groups().get(0).memberIndexes());
        assertThat(other.userChanges()).isNotEqualTo(first.userChanges());
    }

    @Test
    void usersAreThoseOfTheEntraSyncScenario() {
        ScalePlan plan = small(7);

        assertThat(plan.initial().users())
                .usingRecursiveComparison().isEqualTo(SyncPlan.generate(7, "u", 5_000, 0, 0).users());
    }

    @Test
    void scaledDownShapeIsCappedAndMembersAreSortedDistinctUsers() {
        ScalePlan plan = ScalePlan.generate(3, 1_000, 20, DEFAULT_SHAPE, 5, 1_000, 10);

        for (PlannedGroup group : plan.initial().groups()) {
            int[] members = group.memberIndexes();
            assertThat(members).isSorted().doesNotHaveDuplicates();
            assertThat(members.length).isBetween(80, 1_000);
            assertThat(members[members.length - 1]).isLessThan(1_000);
        }
        assertThat(plan.initial().groups().get(plan.hugeGroup()).memberIndexes()).hasSize(1_000);
        assertThat(plan.initial().groups().stream().map(PlannedGroup::displayName).distinct()).hasSize(20);
    }

    @Test
    void changesAndProbesNeverTouchTheSamePairTwiceAndAreConsistentWithMemberships() {
        ScalePlan plan = small(5);
        List<PlannedGroup> groups = plan.initial().groups();
        Set<Long> pairs = new HashSet<>();
        for (MembershipChange change : plan.membershipChanges()) {
            boolean member = Arrays.binarySearch(groups.get(change.group()).memberIndexes(), change.userIndex()) >= 0;
            assertThat(member).isEqualTo(!change.add());
            assertThat(pairs.add((long) change.group() * 5_000 + change.userIndex())).isTrue();
        }
        assertThat(plan.addProbes()).hasSize(5);
        for (AddProbe probe : plan.addProbes()) {
            assertThat(probe.userIndexes()).hasSize(1_000);
            assertThat(Arrays.stream(plan.largeGroups()).boxed().toList()).doesNotContain(probe.group());
            assertThat(probe.group()).isNotEqualTo(plan.hugeGroup());
            for (int u : probe.userIndexes()) {
                assertThat(Arrays.binarySearch(groups.get(probe.group()).memberIndexes(), u)).isNegative();
                assertThat(pairs.add((long) probe.group() * 5_000 + u)).isTrue();
            }
        }
        assertThat(plan.hugeRemovals()).hasSize(5);
        for (int u : plan.hugeRemovals()) {
            assertThat(Arrays.binarySearch(groups.get(plan.hugeGroup()).memberIndexes(), u)).isNotNegative();
            assertThat(pairs.add((long) plan.hugeGroup() * 5_000 + u)).isTrue();
        }
        assertThat(plan.lookupUsers()).hasSize(200);
        long hugeDelta = plan.membershipChanges().stream().filter(c -> c.group() == plan.hugeGroup())
                .mapToLong(c -> c.add() ? 1 : -1).sum();
        assertThat(plan.hugeGroupSizeAfterProbes()).isEqualTo(2_500 + hugeDelta - 5);
    }

    @Test
    void withoutGroupsThereAreNoGroupChangesOrProbes() {
        ScalePlan plan = ScalePlan.generate(1, 300, 0, DEFAULT_SHAPE, 5, 1_000, 10);

        assertThat(plan.initial().groups()).isEmpty();
        assertThat(plan.hugeGroup()).isEqualTo(-1);
        assertThat(plan.membershipChanges()).isEmpty();
        assertThat(plan.addProbes()).isEmpty();
        assertThat(plan.hugeRemovals()).isEmpty();
        assertThat(plan.userChanges()).hasSize(3);
    }

    @Test
    void floydSampleIsSortedDistinctAndComplete() {
        Random random = new Random(9);
        assertThat(ScalePlan.sample(random, 10, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        int[] sample = ScalePlan.sample(random, 1_000, 300);
        assertThat(sample).hasSize(300).isSorted().doesNotHaveDuplicates();
        assertThat(sample[299]).isLessThan(1_000);
    }

    @Test
    void incrementalBodiesAreEntraShaped() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode disable = json.readTree(EntraRequests.patchUserBody(new UserChange(0, true, "t", "d", "p")));
        assertThat(disable.toString()).isEqualTo("{\"schemas\":[\"" + EntraRequests.PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        JsonNode update = json.readTree(EntraRequests.patchUserBody(new UserChange(0, false, "T", "D", "+1")));
        assertThat(update.get("Operations")).hasSize(3);
        assertThat(update.get("Operations").get(1).get("path").stringValue())
                .isEqualTo(EntraRequests.ENTERPRISE_USER + ":department");
        JsonNode remove = json.readTree(EntraRequests.removeMembersBody(List.of("abc")));
        assertThat(remove.get("Operations").get(0).toString())
                .isEqualTo("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"abc\"}]}");
        assertThat(EntraRequests.groupPagePath(101, 100))
                .isEqualTo("/Groups?excludedAttributes=members&startIndex=101&count=100");
        assertThat(EntraRequests.userExternalIdFilterPath("a-b"))
                .isEqualTo("/Users?filter=externalId%20eq%20%22a-b%22");
    }
}
