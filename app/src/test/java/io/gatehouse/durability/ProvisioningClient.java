package io.gatehouse.durability;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One provisioning client of the durability test, with the state its acknowledged requests imply. It owns its
 * users (userNames {@code c<index>-…}) and its batches of members of the shared group, so the expected state
 * never depends on another client's timing. At most one request is in flight per client: after a kill that
 * request ({@link #pending}) may or may not have been applied, everything acknowledged (2xx) must be.
 */
final class ProvisioningClient implements Runnable {

    static final int BATCH_SIZE = 5;
    static final int BATCHES = 3;

    /** A user as the acknowledged requests left it: every tagged attribute carries {@code tag}. */
    record UserState(String tag) {}

    /** The state a request leaves behind if it was applied: user (null = deleted) and batches in the group. */
    record Change(String userName, UserState user, Map<Integer, Boolean> batches, String kind) {}

    final int index;
    private final Random random;
    private final String groupId;
    final Map<String, UserState> users = new LinkedHashMap<>();
    final Map<String, String> ids = new HashMap<>();
    final List<List<String>> batchMembers = new ArrayList<>();
    final boolean[] batchInGroup = new boolean[BATCHES];
    private final List<String> stableUserNames = new ArrayList<>();
    volatile Scim scim;
    volatile Change pending;
    final List<String> unexpected = new ArrayList<>();
    int acknowledged;
    private int sequence;

    ProvisioningClient(int index, long seed, String groupId) {
        this.index = index;
        this.random = new Random(seed);
        this.groupId = groupId;
    }

    String prefix() {
        return "c" + index + "-";
    }

    /** Creates the members of this client's batches (not part of the killed load). */
    void setUp(Scim scim) {
        this.scim = scim;
        for (int b = 0; b < BATCHES; b++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < BATCH_SIZE; m++) {
                String userName = prefix() + "s" + b + "-" + m + "@durability.test";
                Http.Response r = scim.post("/Users", userBody(userName, "initial"));
                if (r.status() != 201) {
                    throw new IllegalStateException("setup user not created: " + r);
                }
                ids.put(userName, r.json().path("id").asString());
                users.put(userName, new UserState("initial"));
                stableUserNames.add(userName);
                members.add(ids.get(userName));
            }
            batchMembers.add(members);
        }
    }

    /** Sends requests until the server stops answering; every answer is checked and applied to the model. */
    @Override
    public void run() {
        pending = null;
        while (true) {
            Request request = next();
            pending = request.change();
            Http.Response r;
            try {
                r = request.send().get();
            } catch (IllegalStateException connectionLost) {
                return; // the server was killed: this request may or may not have been applied
            }
            if (r.status() / 100 != 2) {
                unexpected.add(request.change().kind() + " " + request.change().userName() + " -> " + r);
                pending = null;
                continue; // refused: changes nothing
            }
            if (request.change().kind().equals("create")) {
                ids.put(request.change().userName(), r.json().path("id").asString());
            }
            apply(request.change());
            pending = null;
            acknowledged++;
        }
    }

    void apply(Change change) {
        if (change.userName() != null) {
            if (change.user() == null) {
                users.remove(change.userName());
                ids.remove(change.userName());
            } else {
                users.put(change.userName(), change.user());
            }
        }
        change.batches().forEach((b, in) -> batchInGroup[b] = in);
    }

    private record Request(Change change, Supplier<Http.Response> send) {}

    private Request next() {
        String tag = prefix() + "t" + (++sequence);
        int dice = random.nextInt(100);
        List<String> existing = users.keySet().stream().filter(ids::containsKey).toList();
        List<String> deletable = existing.stream().filter(u -> !stableUserNames.contains(u)).toList();
        if (dice < 25 || existing.isEmpty()) {
            String userName = prefix() + "u" + sequence + "@durability.test";
            return new Request(new Change(userName, new UserState(tag), Map.of(), "create"),
                    () -> scim.post("/Users", userBody(userName, tag)));
        }
        if (dice < 45) {
            String userName = existing.get(random.nextInt(existing.size()));
            String id = ids.get(userName);
            return new Request(new Change(userName, new UserState(tag), Map.of(), "put"),
                    () -> scim.put("/Users/" + id, userBody(userName, tag)));
        }
        if (dice < 70) {
            String userName = existing.get(random.nextInt(existing.size()));
            String id = ids.get(userName);
            String ops = """
                    [{"op":"Replace","path":"displayName","value":"%1$s"},
                     {"op":"replace","path":"title","value":"%1$s"},
                     {"op":"Replace","path":"name.givenName","value":"%1$s"},
                     {"op":"Add","path":"name.familyName","value":"%1$s"}]""".formatted(tag);
            return new Request(new Change(userName, new UserState(tag), Map.of(), "patch"),
                    () -> scim.patch("/Users/" + id, EntraBodies.patch(ops)));
        }
        if (dice < 80 && !deletable.isEmpty()) {
            String userName = deletable.get(random.nextInt(deletable.size()));
            String id = ids.get(userName);
            return new Request(new Change(userName, null, Map.of(), "delete"), () -> scim.delete("/Users/" + id));
        }
        // Group PATCH: toggle one batch, or (multi-op) remove one batch and add another in the same request.
        int first = random.nextInt(BATCHES);
        Map<Integer, Boolean> after = new HashMap<>();
        after.put(first, !batchInGroup[first]);
        int second = random.nextInt(BATCHES);
        if (second != first && batchInGroup[second] != batchInGroup[first] && random.nextBoolean()) {
            after.put(second, !batchInGroup[second]);
        }
        String ops = after.entrySet().stream()
                .map(e -> "{\"op\":\"" + (e.getValue() ? "Add" : "Remove") + "\",\"path\":\"members\",\"value\":["
                        + batchMembers.get(e.getKey()).stream().map(id -> "{\"value\":\"" + id + "\"}")
                        .collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(",", "[", "]"));
        return new Request(new Change(null, null, after, "group-patch"),
                () -> scim.patch("/Groups/" + groupId, EntraBodies.patch(ops)));
    }

    /** A full user in which every tagged attribute carries {@code tag}; a half-applied change would show. */
    static String userBody(String userName, String tag) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%1$s","active":true,"displayName":"%2$s","title":"%2$s",
                 "name":{"givenName":"%2$s","familyName":"%2$s"},
                 "emails":[{"primary":true,"type":"work","value":"%1$s"}]}""".formatted(userName, tag);
    }
}
