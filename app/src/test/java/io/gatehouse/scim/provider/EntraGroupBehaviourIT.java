package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group requests as Microsoft Entra ID sends them: creation, membership PATCH forms, 204 answers. */
class EntraGroupBehaviourIT extends ProviderFixture {

    private String alice;
    private String bob;
    private String carol;

    @BeforeEach
    void users() {
        alice = scim.createUser("alice@acme.example");
        bob = scim.createUser("bob@acme.example");
        carol = scim.createUser("carol@acme.example");
    }

    @Test
    void groupPostWithEntrasAdscimSchemaUriAndNoMembersIsCreatedEmpty() {
        Http.Response r = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName",
                 "meta":{"resourceType":"Group"}}
                """);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("displayName").asString()).isEqualTo("displayName");
        assertThat(r.json().path("externalId").asString()).isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        assertThat(r.json().path("schemas").toString()).doesNotContain("ADSCIM");
        assertThat(r.json().path("meta").path("resourceType").asString()).isEqualTo("Group");
        assertThat(memberIds(r.json().path("id").asString())).isEmpty();
    }

    @Test
    void groupPostWithAdscimSchemaUriAndMembersStoresTheMembers() {
        Http.Response r = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "displayName":"With Members","members":[{"value":"%s"},{"value":"%s"}]}
                """.formatted(alice, bob));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(memberIds(r.json().path("id").asString())).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void groupPatchIsAnswered204WithoutBody() {
        String group = scim.createGroup("Renamed Later");

        Http.Response r = patchGroup(group, op("Replace", "displayName",
                quoted("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName")));

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(group(group).path("displayName").asString())
                .isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    }

    @Test
    void membersAddedWithNullRefAreStored() {
        String group = scim.createGroup("Null Ref");

        Http.Response r = patchGroup(group, op("Add", "members", "[{\"$ref\":null,\"value\":\"" + alice + "\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(alice);
        JsonNode member = group(group).path("members").get(0);
        assertThat(member.path("$ref").asString()).isEqualTo("https://gatehouse.test/scim/v2/Users/" + alice);
    }

    @Test
    void membersAddedWithDisplayAndAsBareStringsSeveralPerOperationAreStored() {
        String group = scim.createGroup("Mixed Forms");

        Http.Response r = patchGroup(group, op("add", "members",
                "[{\"value\":\"" + alice + "\",\"display\":\"Whatever Entra Says\"},\"" + bob + "\",{\"value\":\""
                        + carol + "\",\"$ref\":null}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(alice, bob, carol);
        JsonNode aliceMember = null;
        for (JsonNode m : group(group).path("members")) {
            if (m.path("value").asString().equals(alice)) {
                aliceMember = m;
            }
        }
        assertThat(aliceMember).isNotNull();
        assertThat(aliceMember.path("display").asString()).isNotEqualTo("Whatever Entra Says");
    }

    @Test
    void membersAreRemovedByAValueArrayUnderPathMembers() {
        String group = groupWith(alice, bob, carol);

        Http.Response r = patchGroup(group, op("Remove", "members",
                "[{\"$ref\":null,\"value\":\"" + alice + "\"},{\"value\":\"" + bob + "\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(carol);
    }

    @Test
    void membersAreRemovedByAValueArrayWithoutPath() {
        String group = groupWith(alice, bob, carol);

        Http.Response asArray = patchGroup(group, op("Remove", null, "[{\"value\":\"" + alice + "\"}]"));
        Http.Response asObject = patchGroup(group, op("remove", null, "{\"members\":[{\"value\":\"" + bob + "\"}]}"));

        assertThat(asArray.status()).as(asArray.toString()).isEqualTo(204);
        assertThat(asObject.status()).as(asObject.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(carol);
    }

    @Test
    void memberIsRemovedByValueFilterPath() {
        String group = groupWith(alice, bob);

        Http.Response r = patchGroup(group, op("remove", "members[value eq \"" + alice + "\"]", null));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(bob);
    }

    @Test
    void removeMembersWithoutValueRemovesEveryMember() {
        String group = groupWith(alice, bob, carol);

        Http.Response r = patchGroup(group, op("Remove", "members", null));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).isEmpty();
        assertThat(group(group).path("displayName").asString()).isEqualTo("Team");
    }

    @Test
    void replaceMembersSetsTheWholeList() {
        String group = groupWith(alice, bob);

        Http.Response r = patchGroup(group, op("replace", "members", "[{\"value\":\"" + carol + "\"},{\"value\":\""
                + bob + "\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(bob, carol);
    }

    @Test
    void severalMembershipOperationsInOnePatchApplyInOrder() {
        String group = groupWith(alice);

        Http.Response r = patchGroup(group,
                op("add", "members", "[{\"value\":\"" + bob + "\"},{\"value\":\"" + carol + "\"}]"),
                op("remove", "members[value eq \"" + bob + "\"]", null),
                op("Remove", "members", "[{\"value\":\"" + alice + "\"}]"),
                op("Add", "members", "[{\"value\":\"" + alice + "\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(alice, carol);
    }

    @Test
    void getGroupWithExcludedMembersOmitsMembersByIdAndByFilter() {
        String group = groupWith(alice);

        Http.Response byId = scim.get("/Groups/" + group + "?excludedAttributes=members");
        Http.Response byName = scim.get("/Groups?excludedAttributes=members&filter="
                + Scim.filter("displayName eq \"team\""));

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().has("members")).isFalse();
        assertThat(byId.json().path("displayName").asString()).isEqualTo("Team");
        assertThat(byName.json().path("totalResults").asInt()).isEqualTo(1);
        JsonNode found = byName.json().path("Resources").get(0);
        assertThat(found.path("id").asString()).isEqualTo(group);
        assertThat(found.has("members")).isFalse();
    }

    @Test
    void deletingAGroupAnswers204AndThen404() {
        String group = groupWith(alice);

        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + group), 404, null);
        assertScimError(scim.delete("/Groups/" + group), 404, null);
        assertThat(user(alice).path("groups").size()).isZero();
    }

    private String groupWith(String... users) {
        String group = scim.createGroup("Team");
        StringBuilder values = new StringBuilder("[");
        for (String u : users) {
            values.append(values.length() > 1 ? "," : "").append("{\"value\":\"").append(u).append("\"}");
        }
        Http.Response r = patchGroup(group, op("Add", "members", values.append(']').toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return group;
    }

    @Test
    void addingAMemberTwiceOrRemovingANonMemberIsHarmless() {
        String group = groupWith(alice);

        Http.Response again = patchGroup(group, op("Add", "members", "[{\"value\":\"" + alice + "\"},{\"value\":\""
                + alice + "\"}]"));
        Http.Response absent = patchGroup(group, op("Remove", "members", "[{\"value\":\"" + bob + "\"}]"));

        assertThat(again.status()).as(again.toString()).isEqualTo(204);
        assertThat(absent.status()).as(absent.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(alice);
    }

    @Test
    void pathlessReplaceWithMembersSetsTheWholeList() {
        String group = groupWith(alice, bob);

        Http.Response r = patchGroup(group, op("replace", null, "{\"members\":[{\"value\":\"" + carol
                + "\"}],\"externalId\":\"663fa3a8\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(carol);
        assertThat(group(group).path("externalId").asString()).isEqualTo("663fa3a8");
    }

    @Test
    void duplicateDisplayNameIgnoringCaseIs409Uniqueness() {
        scim.createGroup("Finance");
        String other = scim.createGroup("Legal");

        assertScimError(scim.post("/Groups", EntraBodies.group("FINANCE")), 409, "uniqueness");
        assertScimError(patchGroup(other, op("Replace", "displayName", quoted("finance"))), 409, "uniqueness");
        assertThat(group(other).path("displayName").asString()).isEqualTo("Legal");
    }
}
