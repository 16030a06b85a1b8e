package io.gatehouse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.access.Actor;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change writes its event in its own transaction, and a change that rolls back leaves none. */
class DirectoryEventsIT extends IntegrationTest {

    record Row(String type, JsonNode data) {}

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserRepository users;
    @Autowired
    Spaces spaces;
    @Autowired
    EventOutbox outbox;

    private List<Row> events(String company) {
        return jdbc.sql("SELECT type, payload FROM directory_event WHERE company_id = ? ORDER BY id")
                .param(UUID.fromString(company))
                .query((rs, n) -> new Row(rs.getString(1), json.readTree(rs.getString(2))))
                .list();
    }

    private List<String> types(String company) {
        return events(company).stream().map(Row::type).toList();
    }

    @Test
    void everyScimChangeOfUsersGroupsAndMembersWritesItsEvent() {
        Operator.TestCompany c = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), c.scimToken());
        String alice = scim.createUser("alice@contoso.test");
        assertThat(scim.patch("/Users/" + alice, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice A\"}]")).status()).isEqualTo(200);
        // the same value again: nothing changed, no event
        assertThat(scim.patch("/Users/" + alice, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice A\"}]")).status()).isEqualTo(200);
        assertThat(scim.patch("/Users/" + alice, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")).status()).isEqualTo(200);
        assertThat(scim.patch("/Users/" + alice, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]")).status()).isEqualTo(200);
        String group = scim.createGroup("Engineering");
        assertThat(scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}]")).status())
                .isEqualTo(204);
        assertThat(scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Engineering EU\"}]")).status())
                .isEqualTo(204);
        assertThat(scim.patch("/Groups/" + group, EntraBodies.patch("[{\"op\":\"Remove\",\"path\":\"members[value eq \\\""
                + alice + "\\\"]\"}]")).status()).isEqualTo(204);
        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertThat(scim.delete("/Users/" + alice).status()).isEqualTo(204);

        List<Row> rows = events(c.id());
        assertThat(rows).extracting(Row::type).containsExactly("company.directory_locked", "user.created",
                "user.updated", "user.deactivated", "user.reactivated", "group.created", "group.member_added",
                "group.updated", "group.member_removed", "group.deleted", "user.deleted");
        assertThat(rows.get(1).data().path("user").path("userName").asString()).isEqualTo("alice@contoso.test");
        assertThat(rows.get(1).data().path("user").path("id").asString()).isEqualTo(alice);
        assertThat(rows.get(3).data().path("user").path("active").asBoolean()).isFalse();
        assertThat(rows.get(6).data().path("userIds").get(0).asString()).isEqualTo(alice);
        assertThat(rows.get(7).data().path("group").path("displayName").asString()).isEqualTo("Engineering EU");
        assertThat(rows.get(10).data().path("user").path("id").asString()).isEqualTo(alice);
    }

    @Test
    void aRequestThatFailsAfterItsFirstChangeLeavesNoEvent() {
        Operator.TestCompany c = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), c.scimToken());
        String alice = scim.createUser("alice@contoso.test");
        String group = scim.createGroup("Sales");
        int before = events(c.id()).size();
        // the first operation adds Alice (and writes its event), the second names no user: all is rolled back
        Http.Response r = scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]},"
                        + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + UUID.randomUUID()
                        + "\"}]}]"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(events(c.id())).hasSize(before);
    }

    @Test
    void noEventForARolledBackChange() {
        CompanyId company = CompanyId.parse(operator().createCompany("Rollback", "premium")).orElseThrow();
        Instant now = Instant.now();
        UserRecord user = new UserRecord(UUID.randomUUID(), company, (tools.jackson.databind.node.ObjectNode)
                json.readTree("{\"userName\":\"bob@contoso.test\",\"active\":true}"), Source.LOCAL, 1, now, now);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            users.insert(user);
            assertThat(types(company.toString())).containsExactly("user.created");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(types(company.toString())).isEmpty();
        assertThat(users.find(company, user.id())).isEmpty();
    }

    @Test
    void anEventIsOnlyRecordedInsideATransaction() {
        CompanyId company = CompanyId.random();
        assertThatThrownBy(() -> outbox.record(company, EventType.USER_CREATED, outbox.data()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void spaceGrantsAndTheDirectoryLockWriteTheirEvents() {
        String id = operator().createCompany("Grants", "premium");
        CompanyId company = CompanyId.parse(id).orElseThrow();
        JsonNode issued = operator().call("POST", "/companies/" + id + "/scim-tokens", null).json();
        String token = issued.path("token").asString();
        String tokenId = issued.path("id").asString();
        String alice = new Scim(http(), token).createUser("alice@contoso.test");
        UUID space = spaces.create(company, Actor.OPERATOR, "Finance").id();
        spaces.grant(company, Actor.OPERATOR, space, Grantee.user(UUID.fromString(alice)), SpaceRole.EDITOR);
        spaces.grant(company, Actor.OPERATOR, space, Grantee.user(UUID.fromString(alice)), SpaceRole.EDITOR);
        spaces.revoke(company, Actor.OPERATOR, space, Grantee.user(UUID.fromString(alice)));
        assertThat(operator().call("DELETE", "/companies/" + id + "/scim-tokens/" + tokenId, null)
                .status()).isEqualTo(204);

        List<Row> rows = events(id);
        assertThat(rows).extracting(Row::type).containsExactly("company.directory_locked", "user.created",
                "access.space_granted", "access.space_revoked", "company.directory_unlocked");
        assertThat(rows.get(2).data().path("role").asString()).isEqualTo("EDITOR");
        assertThat(rows.get(2).data().path("space").path("name").asString()).isEqualTo("Finance");
        assertThat(rows.get(2).data().path("grantee").path("id").asString()).isEqualTo(alice);
        assertThat(rows.get(4).data().path("cause").asString()).isEqualTo("scim_token_revoked");
    }
}
