package io.gatehouse.bench.scim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What an initial sync provisions: users with Entra's default attribute mappings and groups with
 * their members. Generated up front from a seed so two runs with the same options send byte-identical
 * create bodies (except manager ids, which are server-assigned) and the same memberships, which makes
 * runs on H2 and PostgreSQL comparable.
 *
 * <p>{@link java.util.Random} rather than a faster generator because its sequence is specified by
 * the JDK, so a seed means the same plan on every JVM.
 */
record SyncPlan(List<PlannedUser> users, List<PlannedGroup> groups) {

    /** Share of users that carry a manager reference; Entra sets it only where AD has one. */
    private static final double MANAGER_SHARE = 0.1;

    private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald",
        "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim", "Shafi", "John", "Leslie", "Hedy"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov",
        "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Goldwasser",
        "Backus", "Lamport", "Lamarr"};
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Finance", "Support",
        "Marketing", "Legal", "Operations", "People"};
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Account Executive",
        "Analyst", "Support Specialist", "Manager", "Director", "Counsel"};
    private static final Office[] OFFICES = {
        new Office("HQ 4th floor", "1 Main Street", "Springfield", "IL", "62701", "US"),
        new Office("Berlin", "Unter den Linden 5", "Berlin", "BE", "10117", "DE"),
        new Office("Lisbon", "Rua Augusta 100", "Lisboa", "Lisboa", "1100-053", "PT"),
        new Office("Remote", "", "", "", "", "")};

    static SyncPlan generate(long seed, String namespace, int userCount, int groupCount, int groupsPerUser) {
        // String.hashCode is specified, so mixing the namespace in stays deterministic across JVMs
        Random random = new Random(seed * 1_000_003L + namespace.hashCode());
        String domain = "s" + seed + ".bench.example.com";
        List<PlannedUser> users = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            users.add(user(random, namespace, domain, i));
        }
        List<PlannedGroup> groups = new ArrayList<>(groupCount);
        int[][] members = memberships(random, userCount, groupCount, Math.min(groupsPerUser, groupCount));
        for (int g = 0; g < groupCount; g++) {
            String displayName = String.format(Locale.ROOT, "%s team %s%04d s%d",
                    DEPARTMENTS[g % DEPARTMENTS.length], namespace, g, seed);
            groups.add(new PlannedGroup(g, displayName, guid(random), members[g]));
        }
        return new SyncPlan(List.copyOf(users), List.copyOf(groups));
    }

    static PlannedUser user(Random random, String namespace, String domain, int index) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String userName = String.format(Locale.ROOT, "%s.%s.%s%06d@%s",
                given, family, namespace, index, domain).toLowerCase(Locale.ROOT);
        // managers are drawn from the first half of earlier users, so by the time a report is
        // created its manager has almost always been created (and its id is known) already
        int managerIndex = index >= 20 && random.nextDouble() < MANAGER_SHARE ? random.nextInt(index / 2) : -1;
        return new PlannedUser(index, userName, guid(random), given, family, given + " " + family,
                TITLES[random.nextInt(TITLES.length)], DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                String.format(Locale.ROOT, "E%07d", 1_000_000 + index),
                OFFICES[random.nextInt(OFFICES.length)],
                phone(random), phone(random), managerIndex);
    }

    /**
     * Each user joins up to {@code perUser} distinct groups drawn with Zipf weights 1/(g+1): a few
     * large groups ("all staff"-like, many PATCH batches) and a long tail of small ones, which is the
     * shape of real directories. Users are visited in index order, so each member list comes out sorted.
     */
    private static int[][] memberships(Random random, int userCount, int groupCount, int perUser) {
        int[][] members = new int[groupCount][];
        int[] sizes = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            members[g] = new int[16];
        }
        double[] cumulative = zipfCumulative(groupCount);
        int[] picked = new int[perUser];
        for (int u = 0; u < userCount; u++) {
            int n = 0;
            // bounded retries instead of an exact without-replacement draw: a rare user ends up in
            // one group fewer, which keeps the generator simple and still deterministic
            for (int attempt = 0; n < perUser && attempt < perUser * 8; attempt++) {
                int g = Arrays.binarySearch(cumulative, random.nextDouble());
                g = g >= 0 ? g : Math.min(-g - 1, groupCount - 1);
                if (!contains(picked, n, g)) {
                    picked[n++] = g;
                    if (sizes[g] == members[g].length) {
                        members[g] = Arrays.copyOf(members[g], sizes[g] * 2);
                    }
                    members[g][sizes[g]++] = u;
                }
            }
        }
        for (int g = 0; g < groupCount; g++) {
            members[g] = Arrays.copyOf(members[g], sizes[g]);
        }
        return members;
    }

    private static double[] zipfCumulative(int groupCount) {
        double[] cumulative = new double[groupCount];
        double sum = 0;
        for (int g = 0; g < groupCount; g++) {
            sum += 1.0 / (g + 1);
            cumulative[g] = sum;
        }
        for (int g = 0; g < groupCount; g++) {
            cumulative[g] /= sum;
        }
        return cumulative;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Entra's mailNickname/objectId look like GUIDs; a version-4 layout keeps them realistic. */
    static String guid(Random random) {
        long high = random.nextLong();
        long low = random.nextLong();
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x",
                high >>> 32, (high >>> 16) & 0xffff, high & 0xfff,
                ((low >>> 48) & 0x3fff) | 0x8000, low & 0xffffffffffffL);
    }

    private static String phone(Random random) {
        return String.format(Locale.ROOT, "+1 555 %03d %04d", random.nextInt(1000), random.nextInt(10_000));
    }

    record Office(String name, String streetAddress, String locality, String region, String postalCode,
                  String country) {
    }

    /** {@code managerIndex} is -1 when the user has no manager. */
    record PlannedUser(int index, String userName, String externalId, String givenName, String familyName,
                       String displayName, String title, String department, String employeeNumber,
                       Office office, String workPhone, String mobilePhone, int managerIndex) {
    }

    /** {@code memberIndexes} are indexes into {@link SyncPlan#users()}, ascending. */
    record PlannedGroup(int index, String displayName, String externalId, int[] memberIndexes) {
    }
}
