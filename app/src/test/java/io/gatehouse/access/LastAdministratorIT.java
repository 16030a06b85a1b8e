package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * No silent lock-out: the operator API refuses to take away the last active administrator (409, race-safe), and
 * a SCIM change that leaves none is carried out but audited as ADMINISTRATORS_LOST and published.
 */
@Import(LastAdministratorIT.Events.class)
class LastAdministratorIT extends IntegrationTest {

    /** Collects the published {@link AdministratorsLost} events (the hook for the directory change stream). */
    @TestConfiguration
    static class Events {
        final List<AdministratorsLost> seen = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(AdministratorsLost event) {
            seen.add(event);
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Events events;

    @Test
    void refusesToRetireTheOnlyAdministratorWithA409NamingWhatMustExistFirst() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin only = w.breakGlassAdmin(AccessWorld.email("only"));

        Http.Response r = retire(w, only.userId());

        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().path("error").asString()).isEqualTo("last_administrator");
        assertThat(r.json().path("detail").asString()).contains(only.userName())
                .contains("last active administrator").contains("First another administrator must exist")
                .contains("POST /operator/v1/companies/{id}/admins");
        assertThat(admins(w)).hasSize(1);
    }

    @Test
    void retiresABreakGlassAdministratorWhileAnotherActiveAdministratorRemains() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin first = w.breakGlassAdmin(AccessWorld.email("first"));
        UUID provisioned = w.user("entra-admin");
        w.grantUser(provisioned, CompanyRole.ADMINISTRATOR);

        assertThat(retire(w, first.userId()).status()).isEqualTo(204);
        assertThat(admins(w)).extracting(a -> a.path("userId").asString()).containsExactly(provisioned.toString());
    }

    @Test
    void refusesToRevokeTheLastAdministratorRoleThroughTheRolesRoute() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID user = w.user("sole");
        w.grantUser(user, CompanyRole.ADMINISTRATOR);
        UUID group = w.groupWith("Admins", w.user("member"));
        w.grantGroup(group, CompanyRole.ADMINISTRATOR);

        assertThat(revoke(w, "users", user).status()).isEqualTo(204);
        Http.Response last = revoke(w, "groups", group);

        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().path("error").asString()).isEqualTo("last_administrator");
        assertThat(admins(w)).hasSize(1);
    }

    @Test
    void twoConcurrentRetirementsOfTheLastTwoAdministratorsLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < 3; round++) {
            AccessWorld w = AccessWorld.premium(operator(), http());
            AccessWorld.Admin a = w.breakGlassAdmin(AccessWorld.email("a"));
            AccessWorld.Admin b = w.breakGlassAdmin(AccessWorld.email("b"));

            List<Integer> statuses = race(() -> retire(w, a.userId()).status(), () -> retire(w, b.userId()).status());

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(204, 409);
            assertThat(admins(w)).hasSize(1);
        }
    }

    @Test
    void entraDeactivatingTheLastAdministratorIsCarriedOutAndAudited() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID admin = w.user("last");
        w.grantUser(admin, CompanyRole.ADMINISTRATOR);

        w.deactivate(admin);

        assertLost(w, "was deactivated or deleted");
    }

    @Test
    void entraDeletingTheLastAdministratorIsCarriedOutAndAudited() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID admin = w.user("last");
        w.grantUser(admin, CompanyRole.ADMINISTRATOR);

        w.deleteUser(admin);

        assertLost(w, "was deactivated or deleted");
    }

    @Test
    void entraEmptyingTheAdministratorsGroupIsCarriedOutAndAudited() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID member = w.user("member");
        UUID group = w.groupWith("Admins", member);
        w.grantGroup(group, CompanyRole.ADMINISTRATOR);

        w.removeMember(group, member);

        assertLost(w, "administrators' group");
    }

    @Test
    void entraDeletingTheAdministratorsGroupIsCarriedOutAndAudited() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID group = w.groupWith("Admins", w.user("member"));
        w.grantGroup(group, CompanyRole.ADMINISTRATOR);

        w.deleteGroup(group);

        assertLost(w, "administrators' group");
    }

    @Test
    void aScimChangeThatLeavesAnotherAdministratorWritesNoLossEntry() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID one = w.user("one");
        UUID two = w.user("two");
        w.grantUser(one, CompanyRole.ADMINISTRATOR);
        w.grantUser(two, CompanyRole.ADMINISTRATOR);

        w.deactivate(one);

        assertThat(auditActions(w)).doesNotContain(AdministratorSafety.ADMINISTRATORS_LOST);
        assertThat(events.seen).noneMatch(e -> e.company().equals(w.company));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM directory_event WHERE company_id = ? AND type = ?")
                .params(w.company.value(), "company.administrators_lost").query(Long.class).single()).isZero();
    }

    private void assertLost(AccessWorld w, String cause) {
        assertThat(admins(w)).isEmpty();
        JsonNode entries = operator().call("GET", "/companies/" + w.id + "/audit-log", null).json();
        JsonNode lost = null;
        for (JsonNode e : entries.isArray() ? entries : entries.path("events")) {
            if (AdministratorSafety.ADMINISTRATORS_LOST.equals(e.path("action").asString())) {
                lost = e;
            }
        }
        assertThat(lost).as(entries.toString()).isNotNull();
        assertThat(lost.path("actor").asString()).isEqualTo(AdministratorSafety.PROVISIONING_ACTOR);
        assertThat(lost.path("detail").asString()).contains(cause).contains("no active administrator");
        assertThat(events.seen).anyMatch(e -> e.company().equals(w.company));
        assertThat(jdbc.sql("SELECT payload FROM directory_event WHERE company_id = ? AND type = ?")
                .params(w.company.value(), "company.administrators_lost").query(String.class).list())
                .as("on the directory change stream").singleElement().asString().contains(cause);
        assertThat(operator().call("GET", "/companies/" + w.id + "/admins", null).json().path("coverage")
                .path("warning").asString()).contains("no active administrator");
    }

    private List<String> auditActions(AccessWorld w) {
        JsonNode entries = operator().call("GET", "/companies/" + w.id + "/audit-log", null).json();
        List<String> actions = new ArrayList<>();
        for (JsonNode e : entries.isArray() ? entries : entries.path("events")) {
            actions.add(e.path("action").asString());
        }
        return actions;
    }

    private Http.Response retire(AccessWorld w, UUID user) {
        return operator().call("DELETE", "/companies/" + w.id + "/admins/" + user, null);
    }

    private Http.Response revoke(AccessWorld w, String kind, UUID grantee) {
        return operator().call("DELETE", "/companies/" + w.id + "/roles/" + kind + "/" + grantee + "/administrator",
                null);
    }

    /** The active administrators as the operator API lists them. */
    private List<JsonNode> admins(AccessWorld w) {
        List<JsonNode> out = new ArrayList<>();
        operator().call("GET", "/companies/" + w.id + "/admins", null).json().path("admins").forEach(out::add);
        return out.stream().filter(a -> a.path("active").asBoolean()).toList();
    }

    /** Both at the same instant, on two threads. */
    @SafeVarargs
    private static List<Integer> race(java.util.concurrent.Callable<Integer>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
