package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.ScalePlan.AddProbe;
import io.gatehouse.bench.scim.ScalePlan.MembershipChange;
import io.gatehouse.bench.scim.ScalePlan.UserChange;
import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.databind.JsonNode;

/**
 * {@code --scenario scale}: the initial sync of a {@link ScalePlan} (as in the entra-sync scenario),
 * then an incremental cycle of single-user and single-member PATCHes on all workers, then probes,
 * each run on one worker and timed on its own so no other load distorts them. See bench/README.md.
 */
final class ScaleScenario {

    /** Page size of the group listing probe, as Entra and most SCIM clients page. */
    static final int PAGE_SIZE = 100;

    private final SyncRunner runner;
    private final BenchOptions options;
    private final ScalePlan plan;
    private final AtomicReferenceArray<String> userIds;
    private final AtomicReferenceArray<String> groupIds;

    ScaleScenario(SyncRunner runner, BenchOptions options, ScalePlan plan) {
        this.runner = runner;
        this.options = options;
        this.plan = plan;
        this.userIds = new AtomicReferenceArray<>(plan.initial().users().size());
        this.groupIds = new AtomicReferenceArray<>(plan.initial().groups().size());
    }

    ScaleReport run(long warmupErrors, ErrorSamples errorSamples) throws InterruptedException {
        Instant startedAt = Instant.now();
        log("initial cycle: " + plan.initial().users().size() + " users, " + plan.initial().groups().size()
                + " groups, " + plan.memberships() + " memberships on " + options.concurrency() + " workers");
        SyncRunner.PhaseResult users = runner.runUsers(plan.initial().users(), userIds);
        SyncRunner.PhaseResult groups = runner.runGroups(plan.initial().groups(), userIds, groupIds);
        log("incremental cycle: " + plan.userChanges().size() + " user changes, "
                + plan.membershipChanges().size() + " membership changes");
        SyncRunner.PhaseResult incremental = incremental();
        log("probes");
        Map<RequestType, SyncRunner.PhaseResult> probes = new EnumMap<>(RequestType.class);
        probes.put(RequestType.PROBE_ADD_MEMBERS, addMembersProbe());
        probes.put(RequestType.PROBE_REMOVE_HUGE, removeHugeProbe());
        probes.put(RequestType.PROBE_GROUP_PAGE, groupPagesProbe());
        AtomicInteger hugeMembersSeen = new AtomicInteger(-1);
        probes.put(RequestType.PROBE_GET_HUGE, getHugeProbe(hugeMembersSeen));
        probes.put(RequestType.PROBE_USERNAME_FILTER, lookupProbe(RequestType.PROBE_USERNAME_FILTER));
        probes.put(RequestType.PROBE_EXTERNALID_FILTER, lookupProbe(RequestType.PROBE_EXTERNALID_FILTER));
        OptionalLong peakRss = options.serverPid() == null
                ? OptionalLong.empty() : ProcessMemory.peakRssKb(options.serverPid());
        return ScaleReport.of(options, plan, startedAt, users, groups, incremental, probes, warmupErrors,
                errorSamples.samples(), peakRss, hugeMembersSeen.get());
    }

    /** User changes first in the task order, then membership changes; all workers take from one cursor. */
    private SyncRunner.PhaseResult incremental() throws InterruptedException {
        List<UserChange> userChanges = plan.userChanges();
        List<MembershipChange> memberChanges = plan.membershipChanges();
        return runner.runPhase(userChanges.size() + memberChanges.size(), (index, stats) -> {
            if (index < userChanges.size()) {
                UserChange change = userChanges.get(index);
                String id = userIds.get(change.userIndex());
                if (id == null) {
                    runner.fail(stats, RequestType.USER_PATCH, "PATCH user", "user was not created", null);
                    return;
                }
                runner.exchange(stats, RequestType.USER_PATCH, "PATCH", EntraRequests.userPath(id),
                        EntraRequests.patchUserBody(change), 200);
            } else {
                MembershipChange change = memberChanges.get(index - userChanges.size());
                RequestType type = change.add() ? RequestType.MEMBER_ADD : RequestType.MEMBER_REMOVE;
                patchMembers(stats, type, change.group(), new int[] {change.userIndex()}, change.add());
            }
        });
    }

    /** (a) One PATCH adding {@code --probe-add-members} users to an ordinary group, per repetition. */
    private SyncRunner.PhaseResult addMembersProbe() throws InterruptedException {
        List<AddProbe> probes = plan.addProbes();
        return runner.runPhase(probes.size(), 1, (index, stats) -> patchMembers(stats,
                RequestType.PROBE_ADD_MEMBERS, probes.get(index).group(), probes.get(index).userIndexes(), true));
    }

    /** (b) Removing one member of the huge group, per repetition. */
    private SyncRunner.PhaseResult removeHugeProbe() throws InterruptedException {
        int[] removals = plan.hugeRemovals();
        return runner.runPhase(removals.length, 1, (index, stats) -> patchMembers(stats,
                RequestType.PROBE_REMOVE_HUGE, plan.hugeGroup(), new int[] {removals[index]}, false));
    }

    /** (c) Walks all groups without members, {@value #PAGE_SIZE} per page; each page is one sample. */
    private SyncRunner.PhaseResult groupPagesProbe() throws InterruptedException {
        if (plan.initial().groups().isEmpty()) {
            return runner.runPhase(0, 1, (index, stats) -> { });
        }
        // the warmup group is listed too; the bound only keeps a misbehaving server from looping us
        int maxPages = plan.initial().groups().size() / PAGE_SIZE + 3;
        return runner.runPhase(options.probeRepeats(), 1, (index, stats) -> {
            for (int page = 0, start = 1; page < maxPages; page++, start += PAGE_SIZE) {
                String path = EntraRequests.groupPagePath(start, PAGE_SIZE);
                BearerClient.Response response = runner.exchange(stats, RequestType.PROBE_GROUP_PAGE, "GET", path,
                        null, 200);
                if (response == null) {
                    return;
                }
                JsonNode body = SyncRunner.parse(response.body());
                JsonNode resources = body.get("Resources");
                int returned = resources == null || !resources.isArray() ? 0 : resources.size();
                JsonNode totalNode = body.get("totalResults");
                long total = totalNode != null && totalNode.isIntegralNumber() ? totalNode.longValue() : 0;
                if (returned < PAGE_SIZE || start - 1 + returned >= total) {
                    return;
                }
            }
        });
    }

    /** (d) GET of the huge group with its members; remembers how many members the last response listed. */
    private SyncRunner.PhaseResult getHugeProbe(AtomicInteger membersSeen) throws InterruptedException {
        String id = plan.hugeGroup() < 0 ? null : groupIds.get(plan.hugeGroup());
        return runner.runPhase(id == null ? 0 : options.probeRepeats(), 1, (index, stats) -> {
            BearerClient.Response response = runner.exchange(stats, RequestType.PROBE_GET_HUGE, "GET",
                    EntraRequests.groupPath(id), null, 200);
            if (response != null) {
                JsonNode members = SyncRunner.parse(response.body()).get("members");
                membersSeen.set(members == null || !members.isArray() ? 0 : members.size());
            }
        });
    }

    /** (e) Lookups of existing users by userName or externalId; each must find exactly one. */
    private SyncRunner.PhaseResult lookupProbe(RequestType type) throws InterruptedException {
        int[] lookups = plan.lookupUsers();
        return runner.runPhase(lookups.length, 1, (index, stats) -> {
            PlannedUser user = plan.initial().users().get(lookups[index]);
            String path = type == RequestType.PROBE_USERNAME_FILTER
                    ? EntraRequests.userFilterPath(user.userName())
                    : EntraRequests.userExternalIdFilterPath(user.externalId());
            runner.expectTotal(stats, type, path, 1);
        });
    }

    private void patchMembers(WorkerStats stats, RequestType type, int group, int[] userIndexes, boolean add)
            throws InterruptedException {
        String groupId = groupIds.get(group);
        List<String> ids = new ArrayList<>(userIndexes.length);
        for (int u : userIndexes) {
            String id = userIds.get(u);
            if (id != null) {
                ids.add(id);
            }
        }
        if (groupId == null || ids.isEmpty()) {
            runner.fail(stats, type, "PATCH group", "group or users were not created", null);
            return;
        }
        runner.exchange(stats, type, "PATCH", EntraRequests.groupPath(groupId),
                add ? EntraRequests.addMembersBody(ids) : EntraRequests.removeMembersBody(ids), 204);
    }

    private static void log(String message) {
        System.err.println("[entra-sync-bench] " + message);
    }
}
