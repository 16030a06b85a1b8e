package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH semantics of RFC 7644 section 3.5.2: order, atomicity and the scimType of each refusal. */
class ScimPatchSemanticsIT extends ProviderFixture {

    private String id;

    @BeforeEach
    void user() {
        id = scim.createUser("semantics@acme.example");
    }

    /** Asserts that the user still is exactly as created (version 1, same title/displayName). */
    private void assertUnchanged() {
        JsonNode user = user(id);
        assertThat(user.path("meta").path("version").asString()).isEqualTo("W/\"1\"");
        assertThat(user.path("displayName").asString()).isEqualTo("semantics Example");
        assertThat(user.has("title")).isFalse();
        assertThat(user.path("emails").size()).isEqualTo(1);
    }

    @Test
    void operationsOnTheSameAttributeAreAppliedInOrder() {
        Http.Response r = patchUser(id,
                op("remove", "displayName", null),
                op("add", "displayName", quoted("Added")),
                op("replace", "displayName", quoted("Replaced")),
                op("add", "title", quoted("First")),
                op("replace", "title", quoted("Second")),
                op("remove", "nickName", null));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(id).path("displayName").asString()).isEqualTo("Replaced");
        assertThat(user(id).path("title").asString()).isEqualTo("Second");
    }

    @Test
    void removeAfterAddInTheSameRequestWins() {
        Http.Response r = patchUser(id,
                op("add", "emails", "[{\"type\":\"home\",\"value\":\"home@acme.example\"}]"),
                op("remove", "emails[type eq \"home\"]", null),
                op("add", "preferredLanguage", quoted("de-CH")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("emails").size()).isEqualTo(1);
        assertThat(user.path("emails").get(0).path("type").asString()).isEqualTo("work");
        assertThat(user.path("preferredLanguage").asString()).isEqualTo("de-CH");
    }

    @Test
    void aFailingLaterOperationLeavesTheUserUnchanged() {
        Http.Response r = patchUser(id,
                op("replace", "displayName", quoted("Should Not Stick")),
                op("add", "title", quoted("Nor This")),
                op("replace", "active", quoted("maybe")));

        assertScimError(r, 400, "invalidValue");
        assertThat(r.json().path("detail").asString()).contains("Operations[2]");
        assertUnchanged();
    }

    @Test
    void aFailingLaterOperationLeavesGroupAttributesAndMembersUnchanged() {
        String member = scim.createUser("member@acme.example");
        String group = scim.createGroup("Atomic");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + id + "\"}]"));

        Http.Response r = patchGroup(group,
                op("replace", "displayName", quoted("Atomic Renamed")),
                op("remove", "members", null),
                op("add", "members", "[{\"value\":\"" + member + "\"}]"),
                op("replace", "nosuchattribute", quoted("x")));

        assertScimError(r, 400, "invalidPath");
        JsonNode after = group(group);
        assertThat(after.path("displayName").asString()).isEqualTo("Atomic");
        assertThat(memberIds(group)).containsExactly(id);
        assertThat(after.path("meta").path("version").asString()).isEqualTo("W/\"2\"");
    }

    @Test
    void addingAnUnknownMemberFailsTheWholeGroupPatch() {
        String group = scim.createGroup("Strict");

        Http.Response r = patchGroup(group,
                op("add", "members", "[{\"value\":\"" + id + "\"}]"),
                op("add", "members", "[{\"value\":\"0c1a2b3c-0000-4000-8000-000000000000\"}]"));

        assertScimError(r, 400, "invalidValue");
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void unknownAttributeOrMalformedPathIsInvalidPath() {
        assertScimError(patchUser(id, op("replace", "favouriteColour", quoted("blue"))), 400, "invalidPath");
        assertScimError(patchUser(id, op("replace", "emails[type eq \"work\"", quoted("x"))), 400, "invalidPath");
        assertScimError(patchUser(id, op("replace", "userName[value eq \"x\"]", quoted("x"))), 400, "invalidPath");
        assertScimError(patchUser(id, op("add", "urn:example:unknown:2.0:User:thing", quoted("x"))), 400,
                "invalidPath");
        assertUnchanged();
    }

    @Test
    void removeWithoutPathOnAUserIsNoTarget() {
        assertScimError(patchUser(id, op("remove", null, null)), 400, "noTarget");
        assertUnchanged();
    }

    @Test
    void replaceOnAValuePathThatMatchesNothingAndDescribesNothingIsNoTarget() {
        Http.Response r = patchUser(id, op("replace", "emails[value co \"nowhere\"].type", quoted("home")));

        assertScimError(r, 400, "noTarget");
        assertUnchanged();
    }

    @Test
    void changingReadOnlyAttributesIsMutability() {
        assertScimError(patchUser(id, op("replace", "groups", "[{\"value\":\"x\"}]")), 400, "mutability");
        assertScimError(patchUser(id, op("replace", "id", quoted("other"))), 400, "mutability");
        assertScimError(patchUser(id, op("replace", "meta.created", quoted("2001-01-01T00:00:00Z"))), 400,
                "mutability");
        assertUnchanged();
    }

    @Test
    void wrongValueTypesAreInvalidValue() {
        assertScimError(patchUser(id, op("replace", "active", quoted("yes"))), 400, "invalidValue");
        assertScimError(patchUser(id, op("replace", "userName", "42")), 400, "invalidValue");
        assertScimError(patchUser(id, op("replace", "userName", quoted(""))), 400, "invalidValue");
        assertScimError(patchUser(id, op("add", "emails", "[{\"value\":\"a@x\",\"primary\":true},"
                + "{\"value\":\"b@x\",\"primary\":true}]")), 400, "invalidValue");
        assertScimError(patchUser(id, op("replace", null, quoted("not an object"))), 400, "invalidValue");
        assertUnchanged();
    }

    @Test
    void renamingOntoAnExistingUserNameIs409UniquenessAndChangesNothing() {
        scim.createUser("taken@acme.example");

        Http.Response r = patchUser(id, op("replace", "userName", quoted("TAKEN@acme.example")));

        assertScimError(r, 409, "uniqueness");
        assertThat(user(id).path("userName").asString()).isEqualTo("semantics@acme.example");
    }

    @Test
    void settingPrimaryOnOneValueClearsItOnTheOthers() {
        Http.Response r = patchUser(id, op("add", "emails",
                "[{\"type\":\"home\",\"value\":\"home@acme.example\",\"primary\":\"True\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode emails = user(id).path("emails");
        assertThat(emails.size()).isEqualTo(2);
        assertThat(emails.get(0).path("primary").booleanValue()).isFalse();
        assertThat(emails.get(1).path("primary").booleanValue()).isTrue();
    }

    @Test
    void deletingAUserRemovesItsGroupMemberships() {
        String other = scim.createUser("stays@acme.example");
        String group = scim.createGroup("Leavers");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + id + "\"},{\"value\":\"" + other + "\"}]"));

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);

        assertThat(memberIds(group)).containsExactly(other);
        assertScimError(scim.get("/Users/" + id), 404, null);
        assertThat(scim.get("/Groups?filter=" + Scim.filter("members eq \"" + id + "\""))
                .json().path("totalResults").asInt()).isZero();
    }
}
