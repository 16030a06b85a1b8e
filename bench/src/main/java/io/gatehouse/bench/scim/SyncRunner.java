package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.SyncPlan.PlannedGroup;
import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the two phases of an Entra initial sync on a fixed pool of workers. Workers take the next
 * user (or group) from a shared cursor rather than a fixed slice, so one slow request does not leave
 * the other workers idle at the end of a phase.
 */
final class SyncRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerClient scim;
    private final ExecutorService pool;
    private final int concurrency;
    private final int membersPerPatch;
    private final ErrorSamples errorSamples;

    SyncRunner(BearerClient scim, ExecutorService pool, int concurrency, int membersPerPatch,
               ErrorSamples errorSamples) {
        this.scim = scim;
        this.pool = pool;
        this.concurrency = concurrency;
        this.membersPerPatch = membersPerPatch;
        this.errorSamples = errorSamples;
    }

    /**
     * Entra's "Test Connection": a user and a group lookup that must come back empty. Run before
     * anything is measured so a wrong token or URL fails once instead of 20,000 times.
     *
     * @return true if both lookups answered 200 with totalResults 0
     */
    boolean testConnection(String probeName) throws InterruptedException {
        WorkerStats stats = new WorkerStats();
        expectEmptyList(stats, RequestType.USER_FILTER, EntraRequests.userFilterPath(probeName));
        expectEmptyList(stats, RequestType.GROUP_FILTER, EntraRequests.groupFilterPath(probeName));
        return stats.totalErrors() == 0;
    }

    /** Per user: the matching query, then the create. Fills {@code userIds} for later phases. */
    PhaseResult runUsers(List<PlannedUser> users, AtomicReferenceArray<String> userIds)
            throws InterruptedException {
        return runUsers(users, userIds, null);
    }

    /**
     * As {@link #runUsers(List, AtomicReferenceArray)}, also recording in {@code createdAt} (when given) the
     * {@link System#nanoTime()} at which each user's create had returned 201 with its id (the commit was acknowledged).
     */
    PhaseResult runUsers(List<PlannedUser> users, AtomicReferenceArray<String> userIds, long[] createdAt)
            throws InterruptedException {
        return runPhase(users.size(), (index, stats) -> {
            PlannedUser user = users.get(index);
            expectEmptyList(stats, RequestType.USER_FILTER, EntraRequests.userFilterPath(user.userName()));
            // the manager is referenced by its SCIM id, so it can only be sent once that user exists
            String managerId = user.managerIndex() < 0 ? null : userIds.get(user.managerIndex());
            String id = create(stats, RequestType.USER_CREATE, "/Users",
                    EntraRequests.createUserBody(user, managerId));
            if (createdAt != null && id != null) {
                createdAt[index] = System.nanoTime(); // read after the phase: Future.get() orders the write before
            }
            userIds.set(index, id);
        });
    }

    /** Per group: the matching query, the empty create, then the members in PATCH batches. */
    PhaseResult runGroups(List<PlannedGroup> groups, AtomicReferenceArray<String> userIds)
            throws InterruptedException {
        return runGroups(groups, userIds, null);
    }

    /** As {@link #runGroups(List, AtomicReferenceArray)}, also recording each group's id when {@code groupIds} is given. */
    PhaseResult runGroups(List<PlannedGroup> groups, AtomicReferenceArray<String> userIds,
                          AtomicReferenceArray<String> groupIds) throws InterruptedException {
        return runPhase(groups.size(), (index, stats) -> {
            PlannedGroup group = groups.get(index);
            expectEmptyList(stats, RequestType.GROUP_FILTER, EntraRequests.groupFilterPath(group.displayName()));
            String groupId = create(stats, RequestType.GROUP_CREATE, "/Groups", EntraRequests.createGroupBody(group));
            if (groupId == null) {
                return;
            }
            if (groupIds != null) {
                groupIds.set(index, groupId);
            }
            List<String> batch = new ArrayList<>(membersPerPatch);
            for (int member : group.memberIndexes()) {
                String userId = userIds.get(member);
                if (userId != null) { // a failed user create is already counted as an error
                    batch.add(userId);
                }
                if (batch.size() == membersPerPatch) {
                    addMembers(stats, groupId, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                addMembers(stats, groupId, batch);
            }
        });
    }

    private void addMembers(WorkerStats stats, String groupId, List<String> userIds) throws InterruptedException {
        exchange(stats, RequestType.GROUP_PATCH, "PATCH", EntraRequests.groupPath(groupId),
                EntraRequests.addMembersBody(userIds), 204);
    }

    /** Entra creates only when the matching query answers 200 with totalResults 0. */
    private void expectEmptyList(WorkerStats stats, RequestType type, String path) throws InterruptedException {
        expectTotal(stats, type, path, 0);
    }

    /** A list query that must answer 200 with exactly {@code expected} totalResults. */
    void expectTotal(WorkerStats stats, RequestType type, String path, long expected) throws InterruptedException {
        BearerClient.Response response = exchange(stats, type, "GET", path, null, 200);
        if (response == null) {
            return;
        }
        JsonNode total = parse(response.body()).get("totalResults");
        if (total == null || !total.isIntegralNumber() || total.longValue() != expected) {
            fail(stats, type, "GET " + path, "expected totalResults " + expected + ", got " + total, response.body());
        }
    }

    /** @return the new resource's id, or null when the create failed */
    private String create(WorkerStats stats, RequestType type, String path, String body) throws InterruptedException {
        BearerClient.Response response = exchange(stats, type, "POST", path, body, 201);
        if (response == null) {
            return null;
        }
        JsonNode id = parse(response.body()).get("id");
        if (id == null || !id.isString() || id.stringValue().isEmpty()) {
            fail(stats, type, "POST " + path, "201 without an \"id\"", response.body());
            return null;
        }
        return id.stringValue();
    }

    /**
     * Sends one request, records its latency, and counts it as an error unless the status is the
     * expected one. An I/O failure has no meaningful latency, so it is counted but not timed.
     *
     * @return the response if its status was expected, else null
     */
    BearerClient.Response exchange(WorkerStats stats, RequestType type, String method, String path,
                                           String body, int expectedStatus) throws InterruptedException {
        BearerClient.Response response;
        try {
            response = scim.send(method, path, body);
        } catch (IOException e) {
            // e.g. ConnectException carries no message, so the class name has to say what happened
            String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            fail(stats, type, method + " " + path, detail, null);
            return null;
        }
        stats.record(type, response.nanos());
        if (response.status() != expectedStatus) {
            fail(stats, type, method + " " + path, "HTTP " + response.status() + " (expected " + expectedStatus + ")",
                    response.body());
            return null;
        }
        return response;
    }

    void fail(WorkerStats stats, RequestType type, String request, String problem, String body) {
        stats.error(type);
        errorSamples.add(type, request, problem, body);
    }

    /** An unparsable body reads as an empty object, so the caller reports the missing field. */
    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    PhaseResult runPhase(int taskCount, Task task) throws InterruptedException {
        return runPhase(taskCount, concurrency, task);
    }

    /** {@code workers} (at most the pool's size) take tasks 0..taskCount-1 from a shared cursor. */
    PhaseResult runPhase(int taskCount, int workers, Task task) throws InterruptedException {
        AtomicInteger cursor = new AtomicInteger();
        List<WorkerStats> perWorker = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < Math.min(workers, concurrency); w++) {
            WorkerStats stats = new WorkerStats();
            perWorker.add(stats);
            futures.add(pool.submit(() -> {
                for (int i = cursor.getAndIncrement(); i < taskCount; i = cursor.getAndIncrement()) {
                    task.run(i, stats);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("worker failed", e.getCause());
            }
        }
        long wallNanos = System.nanoTime() - start;
        // Future.get() orders every worker's writes before this merge
        WorkerStats total = new WorkerStats();
        perWorker.forEach(total::merge);
        return new PhaseResult(wallNanos, total);
    }

    @FunctionalInterface
    interface Task {
        void run(int index, WorkerStats stats) throws InterruptedException;
    }

    record PhaseResult(long wallNanos, WorkerStats stats) {
    }
}
