package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.bench.scim.SyncPlan.PlannedGroup;
import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

    @Test
    void theSameSeedGivesTheSamePlanAndTheSameBodies() {
        SyncPlan first = SyncPlan.generate(42, "u", 2_000, 50, 3);
        SyncPlan second = SyncPlan.generate(42, "u", 2_000, 50, 3);

        assertThat(second).usingRecursiveComparison().isEqualTo(first);
        for (int i = 0; i < first.users().size(); i++) {
            assertThat(EntraRequests.createUserBody(second.users().get(i), null))
                    .isEqualTo(EntraRequests.createUserBody(first.users().get(i), null));
        }
    }

    @Test
    void anotherSeedGivesOtherNamesAndMemberships() {
        SyncPlan one = SyncPlan.generate(1, "u", 500, 10, 3);
        SyncPlan two = SyncPlan.generate(2, "u", 500, 10, 3);

        assertThat(two.users().get(0).userName()).isNotEqualTo(one.users().get(0).userName());
        assertThat(two.groups().get(0).displayName()).isNotEqualTo(one.groups().get(0).displayName());
        assertThat(two.groups().get(0).memberIndexes()).isNotEqualTo(one.groups().get(0).memberIndexes());
    }

    @Test
    void userNamesExternalIdsAndGroupNamesAreUnique() {
        SyncPlan plan = SyncPlan.generate(1, "u", 10_000, 100, 3);

        assertThat(plan.users().stream().map(u -> u.userName().toLowerCase()).distinct()).hasSize(10_000);
        assertThat(plan.users().stream().map(PlannedUser::externalId).distinct()).hasSize(10_000);
        assertThat(plan.groups().stream().map(g -> g.displayName().toLowerCase()).distinct()).hasSize(100);
    }

    @Test
    void warmupNamesNeverCollideWithMeasuredNames() {
        Set<String> measured = new HashSet<>();
        SyncPlan.generate(1, "u", 1_000, 5, 3).users().forEach(u -> measured.add(u.userName()));
        SyncPlan.generate(1, "u", 1_000, 5, 3).groups().forEach(g -> measured.add(g.displayName()));
        SyncPlan warm = SyncPlan.generate(1, "w", 1_000, 1, 1);

        warm.users().forEach(u -> assertThat(measured).doesNotContain(u.userName()));
        assertThat(measured).doesNotContain(warm.groups().get(0).displayName());
        assertThat(warm.groups().get(0).memberIndexes()).hasSize(1_000);
    }

    @Test
    void membersAreDistinctAscendingIndexesOfPlannedUsers() {
        SyncPlan plan = SyncPlan.generate(3, "u", 5_000, 40, 3);
        long memberships = 0;
        for (PlannedGroup group : plan.groups()) {
            int[] members = group.memberIndexes();
            for (int i = 0; i < members.length; i++) {
                assertThat(members[i]).isBetween(0, 4_999);
                if (i > 0) {
                    assertThat(members[i]).isGreaterThan(members[i - 1]);
                }
            }
            memberships += members.length;
        }
        // each user joins 3 groups, save the rare one whose bounded retries ran out
        assertThat(memberships).isBetween(5_000L * 3 - 50, 5_000L * 3);
    }

    @Test
    void groupSizesAreSkewedLikeARealDirectory() {
        List<PlannedGroup> groups = SyncPlan.generate(1, "u", 10_000, 100, 3).groups();
        int largest = groups.get(0).memberIndexes().length;
        int smallest = groups.get(99).memberIndexes().length;

        assertThat(largest).isGreaterThan(10 * smallest);
    }

    @Test
    void managersAreEarlierUsersAndOnlyAFew() {
        List<PlannedUser> users = SyncPlan.generate(1, "u", 10_000, 0, 0).users();
        long withManager = users.stream().filter(u -> u.managerIndex() >= 0).count();

        users.stream().filter(u -> u.managerIndex() >= 0)
                .forEach(u -> assertThat(u.managerIndex()).isLessThan(u.index() / 2 + 1));
        assertThat(withManager).isBetween(700L, 1_300L);
    }
}
