package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.SyncPlan.PlannedGroup;
import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Everything the scale scenario sends, generated up front from the seed: the initial sync (users as
 * in {@link SyncPlan}, groups with skewed sizes), the incremental cycle's changes and the probes'
 * targets. The multiset of group sizes depends only on the options; which group is huge or large,
 * the ordinary groups' exact sizes, all members and all changes are drawn from
 * {@code java.util.Random} seeded with the seed, so a seed always means the same plan.
 *
 * <p>Group roles: a seeded permutation of the group indexes; its first entry is the huge group, the
 * next {@code largeGroups} are large, the rest ordinary. Members of every group are a uniform sample
 * without replacement of all users (Floyd's algorithm), sorted ascending.
 *
 * <p>Incremental cycle: {@code max(1, users/100)} distinct users get a PATCH (about one in five is a
 * disable, {@code active: "False"}; the others replace title, department and work phone), and
 * {@code max(1, memberships/100)} single-member changes: first a removal from the huge group, then
 * each with probability 1/2 a removal of a uniformly drawn existing membership or an addition of a
 * uniformly drawn non-member to a uniformly drawn group. No (group, user) pair is touched twice,
 * neither there nor by the probes.
 */
record ScalePlan(SyncPlan initial, int hugeGroup, int[] largeGroups, int memberships,
                 List<UserChange> userChanges, List<MembershipChange> membershipChanges,
                 List<AddProbe> addProbes, int[] hugeRemovals, int[] lookupUsers) {

    private static final String[] NEW_TITLES = {"Staff Engineer", "Principal Analyst", "Team Lead",
        "Account Manager", "Support Lead", "Senior Counsel"};
    private static final String[] NEW_DEPARTMENTS = {"Platform", "Revenue", "Treasury", "Customer Care",
        "Growth", "Compliance"};

    static ScalePlan generate(long seed, int userCount, int groupCount, ScaleShape shape, int probeRepeats,
                              int probeAddMembers, int probeLookups) {
        if (userCount < 1) {
            throw new IllegalArgumentException("need at least one user");
        }
        List<PlannedUser> users = SyncPlan.generate(seed, "u", userCount, 0, 0).users();
        // a stream of its own, so the users are exactly those of the entra-sync scenario for the seed
        Random random = new Random(seed * 1_000_003L + "scale".hashCode());

        int[] order = permutation(random, groupCount);
        int hugeGroup = groupCount == 0 ? -1 : order[0];
        int largeCount = Math.max(0, Math.min(shape.largeGroups(), groupCount - 1));
        int[] largeGroups = Arrays.copyOfRange(order, Math.min(1, groupCount), Math.min(1, groupCount) + largeCount);
        int[] sizes = new int[groupCount];
        for (int position = 0; position < groupCount; position++) {
            int size;
            if (position == 0) {
                size = shape.hugeGroupSize();
            } else if (position <= largeCount) {
                size = shape.largeGroupSize();
            } else {
                size = shape.groupSize() + random.nextInt(2 * shape.spread() + 1) - shape.spread();
            }
            sizes[order[position]] = Math.max(1, Math.min(size, userCount));
        }
        List<PlannedGroup> groups = new ArrayList<>(groupCount);
        int memberships = 0;
        for (int g = 0; g < groupCount; g++) {
            String displayName = String.format(Locale.ROOT, "Scale group %05d s%d", g, seed);
            int[] members = sample(random, userCount, sizes[g]);
            memberships += members.length;
            groups.add(new PlannedGroup(g, displayName, SyncPlan.guid(random), members));
        }

        List<UserChange> userChanges = new ArrayList<>();
        for (int u : shuffled(random, sample(random, userCount, Math.max(1, userCount / 100)))) {
            boolean disable = random.nextInt(5) == 0;
            userChanges.add(new UserChange(u, disable,
                    NEW_TITLES[random.nextInt(NEW_TITLES.length)],
                    NEW_DEPARTMENTS[random.nextInt(NEW_DEPARTMENTS.length)],
                    String.format(Locale.ROOT, "+1 555 %03d %04d", random.nextInt(1000), random.nextInt(10_000))));
        }

        Set<Long> touched = new HashSet<>();
        List<MembershipChange> membershipChanges = new ArrayList<>();
        if (groupCount > 0) {
            int[] cumulative = new int[groupCount];
            for (int g = 0, sum = 0; g < groupCount; g++) {
                sum += groups.get(g).memberIndexes().length;
                cumulative[g] = sum;
            }
            int[] huge = groups.get(hugeGroup).memberIndexes();
            int first = huge[random.nextInt(huge.length)];
            touched.add(pair(hugeGroup, first, userCount));
            membershipChanges.add(new MembershipChange(hugeGroup, first, false));
            int wanted = Math.max(1, memberships / 100);
            // bounded: a draw that hits a touched pair or an existing member is simply retried
            for (int attempt = 0; membershipChanges.size() < wanted && attempt < wanted * 20; attempt++) {
                if (random.nextBoolean()) {
                    int k = random.nextInt(memberships);
                    int g = upperBound(cumulative, k);
                    int[] members = groups.get(g).memberIndexes();
                    int u = members[k - (g == 0 ? 0 : cumulative[g - 1])];
                    if (touched.add(pair(g, u, userCount))) {
                        membershipChanges.add(new MembershipChange(g, u, false));
                    }
                } else {
                    int g = random.nextInt(groupCount);
                    int u = random.nextInt(userCount);
                    if (Arrays.binarySearch(groups.get(g).memberIndexes(), u) < 0 && touched.add(pair(g, u, userCount))) {
                        membershipChanges.add(new MembershipChange(g, u, true));
                    }
                }
            }
        }

        List<AddProbe> addProbes = new ArrayList<>();
        int[] hugeRemovals = new int[0];
        if (groupCount > 0) {
            // ordinary groups first (the probe measures one big PATCH on a typical group), then larger ones
            int[] candidates = new int[groupCount];
            for (int i = 0; i < groupCount; i++) {
                candidates[i] = order[(i + 1 + largeCount) % groupCount];
            }
            for (int i = 0; i < groupCount && addProbes.size() < probeRepeats; i++) {
                int g = candidates[i];
                int[] members = groups.get(g).memberIndexes();
                int start = random.nextInt(userCount);
                int[] picked = new int[Math.min(probeAddMembers, userCount)];
                int n = 0;
                for (int j = 0; j < userCount && n < picked.length; j++) {
                    int u = (start + j) % userCount;
                    if (Arrays.binarySearch(members, u) < 0 && !touched.contains(pair(g, u, userCount))) {
                        picked[n++] = u;
                    }
                }
                if (n > 0) {
                    for (int j = 0; j < n; j++) {
                        touched.add(pair(g, picked[j], userCount));
                    }
                    addProbes.add(new AddProbe(g, Arrays.copyOf(picked, n)));
                }
            }
            int[] huge = groups.get(hugeGroup).memberIndexes();
            int start = random.nextInt(huge.length);
            hugeRemovals = new int[Math.min(probeRepeats, huge.length)];
            int n = 0;
            for (int j = 0; j < huge.length && n < hugeRemovals.length; j++) {
                int u = huge[(start + j) % huge.length];
                if (touched.add(pair(hugeGroup, u, userCount))) {
                    hugeRemovals[n++] = u;
                }
            }
            hugeRemovals = Arrays.copyOf(hugeRemovals, n);
        }

        int[] lookupUsers = new int[probeLookups];
        for (int i = 0; i < probeLookups; i++) {
            lookupUsers[i] = random.nextInt(userCount);
        }
        return new ScalePlan(new SyncPlan(users, List.copyOf(groups)), hugeGroup, largeGroups, memberships,
                List.copyOf(userChanges), List.copyOf(membershipChanges), List.copyOf(addProbes), hugeRemovals,
                lookupUsers);
    }

    /** Members of the huge group once the incremental cycle and the removal probes have run without errors. */
    int hugeGroupSizeAfterProbes() {
        if (hugeGroup < 0) {
            return 0;
        }
        int size = initial.groups().get(hugeGroup).memberIndexes().length - hugeRemovals.length;
        for (MembershipChange change : membershipChanges) {
            if (change.group() == hugeGroup) {
                size += change.add() ? 1 : -1;
            }
        }
        return size;
    }

    /** Floyd's algorithm: {@code k} distinct values of 0..n-1, each k-subset equally likely; sorted. */
    static int[] sample(Random random, int n, int k) {
        BitSet chosen = new BitSet(n);
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.set(chosen.get(t) ? j : t);
        }
        int[] out = new int[k];
        for (int i = 0, v = chosen.nextSetBit(0); v >= 0; v = chosen.nextSetBit(v + 1)) {
            out[i++] = v;
        }
        return out;
    }

    private static int[] permutation(Random random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return shuffled(random, order);
    }

    /** Fisher-Yates in place. */
    private static int[] shuffled(Random random, int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
        return values;
    }

    /** Index of the first cumulative count greater than k. */
    private static int upperBound(int[] cumulative, int k) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > k) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static long pair(int group, int user, int userCount) {
        return (long) group * userCount + user;
    }

    /** A PATCH of one user: a disable ({@code active: "False"}) or a replace of title, department and work phone. */
    record UserChange(int userIndex, boolean disable, String title, String department, String workPhone) {
    }

    /** Adds ({@code add}) or removes one user from one group. */
    record MembershipChange(int group, int userIndex, boolean add) {
    }

    /** One PATCH adding all of {@code userIndexes} (none of them a member yet) to {@code group}. */
    record AddProbe(int group, int[] userIndexes) {
    }
}
