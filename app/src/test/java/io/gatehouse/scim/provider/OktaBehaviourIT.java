package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Requests as Okta's SCIM 2.0 provisioning (users) and Group Push (groups) send them. */
class OktaBehaviourIT extends ProviderFixture {

    private String oktaUser(String userName, String givenName) {
        Http.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"Tester"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"%s Tester","locale":"en-US","externalId":"00u%s","groups":[],
                 "password":"1mz050nq","active":true}
                """.formatted(userName, givenName, userName, givenName, Math.abs(userName.hashCode())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    @Test
    void userNameLookupWithStartIndexAndCountMatchesCaseInsensitively() {
        String id = oktaUser("Test.User@Okta.local", "Test");
        oktaUser("other.user@okta.local", "Other");

        Http.Response r = scim.get("/Users?filter=" + Scim.filter("userName eq \"test.user@okta.local\"")
                + "&startIndex=1&count=100");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("startIndex").asInt()).isEqualTo(1);
        assertThat(r.json().path("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
        assertThat(r.json().path("Resources").get(0).path("userName").asString()).isEqualTo("Test.User@Okta.local");
    }

    @Test
    void putReplacesTheUserSoAttributesAbsentFromTheBodyAreGone() {
        String id = oktaUser("put.user@okta.local", "Put");
        patchUser(id, op("replace", "title", quoted("Manager")));

        Http.Response r = scim.put("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s",
                 "userName":"put.user@okta.local","name":{"givenName":"Putty"},
                 "emails":[{"primary":true,"value":"put.new@okta.local","type":"work"}],"active":true,
                 "groups":[],"meta":{"resourceType":"User"}}
                """.formatted(id));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Putty");
        assertThat(user.path("name").has("familyName")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("displayName")).isFalse();
        assertThat(user.has("locale")).isFalse();
        assertThat(user.has("externalId")).isFalse();
        assertThat(user.path("emails").size()).isEqualTo(1);
        assertThat(user.path("emails").get(0).path("value").asString()).isEqualTo("put.new@okta.local");
        assertThat(listUsers("title eq \"Manager\"").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void pathlessPatchActiveFalseDeactivatesTheUser() {
        String id = oktaUser("leaving@okta.local", "Leaving");

        Http.Response r = patchUser(id, op("replace", null, "{\"active\":false}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("active").booleanValue()).isFalse();
        assertThat(user(id).path("active").booleanValue()).isFalse();
        assertThat(user(id).path("userName").asString()).isEqualTo("leaving@okta.local");
    }

    @Test
    void groupPushCreatesRenamesChangesMembersAndDeletesAGroup() {
        String ann = oktaUser("ann@okta.local", "Ann");
        String ben = oktaUser("ben@okta.local", "Ben");

        Http.Response created = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String group = created.json().path("id").asString();
        assertThat(created.json().path("displayName").asString()).isEqualTo("Test SCIMv2");

        Http.Response renamed = patchGroup(group,
                op("replace", null, "{\"id\":\"" + group + "\",\"displayName\":\"Test SCIMv2 renamed\"}"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(204);
        assertThat(group(group).path("displayName").asString()).isEqualTo("Test SCIMv2 renamed");
        assertThat(group(group).path("id").asString()).isEqualTo(group);

        Http.Response added = patchGroup(group, op("add", "members",
                "[{\"value\":\"" + ann + "\",\"display\":\"ann@okta.local\"},"
                        + "{\"value\":\"" + ben + "\",\"display\":\"ben@okta.local\"}]"));
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(ann, ben);

        Http.Response removed = patchGroup(group, op("remove", "members[value eq \"" + ann + "\"]", null));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(ben);

        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + group), 404, null);
        assertThat(user(ben).path("groups").size()).isZero();
    }

    @Test
    void groupPutWithMembersEndsWithExactlyThoseMembers() {
        String ann = oktaUser("ann@okta.local", "Ann");
        String ben = oktaUser("ben@okta.local", "Ben");
        String cat = oktaUser("cat@okta.local", "Cat");
        String group = scim.createGroup("Pushed");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + ann + "\"},{\"value\":\"" + ben + "\"}]"));

        Http.Response r = scim.put("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"Pushed v2",
                 "members":[{"value":"%s","display":"ben@okta.local"},{"value":"%s","display":"cat@okta.local"}]}
                """.formatted(group, ben, cat));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("displayName").asString()).isEqualTo("Pushed v2");
        assertThat(r.json().path("members").size()).isEqualTo(2);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(ben, cat);
        assertThat(user(ann).path("groups").size()).isZero();
        assertThat(user(cat).path("groups").get(0).path("value").asString()).isEqualTo(group);
        assertThat(user(cat).path("groups").get(0).path("display").asString()).isEqualTo("Pushed v2");
    }

    @Test
    void groupPutWithEmptyMembersRemovesEveryMember() {
        String ann = oktaUser("ann@okta.local", "Ann");
        String group = scim.createGroup("Emptied");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + ann + "\"}]"));

        Http.Response r = scim.put("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"Emptied",
                 "members":[]}
                """.formatted(group));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void membershipsSentInsideAGroupPostBodyAreHonoured() {
        String ann = oktaUser("ann@okta.local", "Ann");
        String ben = oktaUser("ben@okta.local", "Ben");

        Http.Response r = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Born Full",
                 "members":[{"value":"%s","display":"ann@okta.local"},{"value":"%s","display":"ben@okta.local"}]}
                """.formatted(ann, ben));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("members").size()).isEqualTo(2);
        String group = r.json().path("id").asString();
        assertThat(memberIds(group)).containsExactlyInAnyOrder(ann, ben);
        Http.Response byMember = scim.get("/Groups?filter=" + Scim.filter("members eq \"" + ann + "\""));
        assertThat(byMember.json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void groupPostWithAnUnknownMemberIsRefusedAndCreatesNothing() {
        String ann = oktaUser("ann@okta.local", "Ann");

        Http.Response r = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Half Known",
                 "members":[{"value":"%s"},{"value":"7f4bc1a3-285e-48ae-8202-5accb43efb0e"}]}
                """.formatted(ann));

        assertScimError(r, 400, "invalidValue");
        Http.Response found = scim.get("/Groups?filter=" + Scim.filter("displayName eq \"Half Known\""));
        assertThat(found.json().path("totalResults").asInt()).isZero();
    }

    @Test
    void groupPutWithoutMembersLeavesMembershipAlone() {
        String ann = oktaUser("ann@okta.local", "Ann");
        String group = scim.createGroup("Kept");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + ann + "\"}]"));

        Http.Response r = scim.put("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Kept Renamed"}
                """);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(group(group).path("displayName").asString()).isEqualTo("Kept Renamed");
        assertThat(memberIds(group)).containsExactly(ann);
    }
}
