package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** attributes / excludedAttributes (RFC 7644 section 3.4.2.5) and the id / members reference queries. */
class ScimQueryIT extends ProviderFixture {

    private String ada;
    private String bea;
    private String team;

    @BeforeEach
    void directory() {
        ada = scim.createUser("ada@acme.example");
        bea = scim.createUser("bea@acme.example");
        team = scim.createGroup("Team");
        patchGroup(team, op("Add", "members", "[{\"value\":\"" + ada + "\"}]"));
    }

    @Test
    void attributesReturnsOnlyTheNamedAttributesPlusIdAndSchemas() {
        Http.Response r = scim.get("/Users/" + ada + "?attributes=userName,name.givenName");

        assertThat(r.status()).isEqualTo(200);
        JsonNode user = r.json();
        assertThat(fieldNames(user)).containsExactlyInAnyOrder("schemas", "id", "userName", "name");
        assertThat(fieldNames(user.path("name"))).containsExactly("givenName");
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("ada");
    }

    @Test
    void attributesApplyToEveryResourceOfAList() {
        Http.Response r = scim.get("/Users?attributes=emails.value,urn:ietf:params:scim:schemas:extension:"
                + "enterprise:2.0:User:department&sortBy=userName");

        assertThat(r.json().path("totalResults").asInt()).isEqualTo(2);
        for (JsonNode user : r.json().path("Resources")) {
            assertThat(fieldNames(user)).containsExactlyInAnyOrder("schemas", "id", "emails", ENTERPRISE);
            assertThat(fieldNames(user.path("emails").get(0))).containsExactly("value");
            assertThat(user.path(ENTERPRISE).path("department").asString()).isEqualTo("Sales");
        }
    }

    @Test
    void excludedAttributesDropsTheNamedAttributesOnly() {
        Http.Response r = scim.get("/Users/" + ada + "?excludedAttributes=emails,name.familyName,groups,meta");

        JsonNode user = r.json();
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("groups")).isFalse();
        assertThat(user.has("meta")).isFalse();
        assertThat(user.path("name").has("familyName")).isFalse();
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("ada");
        assertThat(user.path("userName").asString()).isEqualTo("ada@acme.example");
        assertThat(user.path("id").asString()).isEqualTo(ada);
    }

    @Test
    void idCannotBeExcluded() {
        Http.Response r = scim.get("/Users/" + ada + "?excludedAttributes=id,userName");

        assertThat(r.json().path("id").asString()).isEqualTo(ada);
        assertThat(r.json().has("userName")).isFalse();
    }

    @Test
    void excludedAttributesMembersOmitsMembersOnListAndGet() {
        Http.Response list = scim.get("/Groups?excludedAttributes=members");
        Http.Response one = scim.get("/Groups/" + team + "?excludedAttributes=members");
        Http.Response full = scim.get("/Groups/" + team);

        assertThat(list.json().path("Resources").get(0).has("members")).isFalse();
        assertThat(list.json().path("Resources").get(0).path("displayName").asString()).isEqualTo("Team");
        assertThat(one.json().has("members")).isFalse();
        assertThat(full.json().path("members").get(0).path("value").asString()).isEqualTo(ada);
        assertThat(full.json().path("members").get(0).path("display").asString()).isNotBlank();
    }

    @Test
    void groupQueryByIdAndMemberFindsTheGroupOnlyWhenTheUserIsAMember() {
        Http.Response member = scim.get("/Groups?filter=" + Scim.filter("id eq \"" + team + "\" and members eq \""
                + ada + "\"") + "&attributes=id");
        Http.Response notMember = scim.get("/Groups?filter=" + Scim.filter("id eq \"" + team
                + "\" and members eq \"" + bea + "\"") + "&attributes=id");
        Http.Response byMemberValue = scim.get("/Groups?filter=" + Scim.filter("members.value eq \"" + ada + "\""));

        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().path("totalResults").asInt()).isEqualTo(1);
        JsonNode only = member.json().path("Resources").get(0);
        assertThat(fieldNames(only)).containsExactlyInAnyOrder("schemas", "id");
        assertThat(only.path("id").asString()).isEqualTo(team);
        assertThat(notMember.status()).isEqualTo(200);
        assertThat(notMember.json().path("totalResults").asInt()).isZero();
        assertThat(byMemberValue.json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void userQueryById() {
        Http.Response r = listUsers("id eq \"" + bea + "\"");

        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("userName").asString()).isEqualTo("bea@acme.example");
    }

    @Test
    void usersShowTheirGroupsAndCanBeFilteredByThem() {
        JsonNode groups = user(ada).path("groups");
        Http.Response byGroup = listUsers("groups.value eq \"" + team + "\"");

        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.get(0).path("value").asString()).isEqualTo(team);
        assertThat(groups.get(0).path("display").asString()).isEqualTo("Team");
        assertThat(user(bea).path("groups").size()).isZero();
        assertThat(byGroup.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(byGroup.json().path("Resources").get(0).path("id").asString()).isEqualTo(ada);
    }

    @Test
    void aListedPageShowsEachUsersOwnGroupsInNameOrder() {
        String cat = scim.createUser("cat@acme.example");
        String zeta = scim.createGroup("Zeta");
        String alpha = scim.createGroup("alpha");
        patchGroup(zeta, op("Add", "members", "[{\"value\":\"" + ada + "\"},{\"value\":\"" + cat + "\"}]"));
        patchGroup(alpha, op("Add", "members", "[{\"value\":\"" + cat + "\"}]"));
        patchGroup(team, op("Add", "members", "[{\"value\":\"" + cat + "\"}]"));

        Http.Response all = scim.get("/Users?sortBy=userName&sortOrder=descending");
        Http.Response second = scim.get("/Users?sortBy=userName&startIndex=2&count=1");
        Http.Response byName = listUsers("userName eq \"CAT@acme.example\"");

        assertThat(all.status()).isEqualTo(200);
        JsonNode users = all.json().path("Resources");
        assertThat(users.size()).isEqualTo(3);
        assertThat(users.get(0).path("id").asString()).isEqualTo(cat);
        assertThat(groupIds(users.get(0))).containsExactly(alpha, team, zeta);
        assertThat(users.get(1).path("id").asString()).isEqualTo(bea);
        assertThat(groupIds(users.get(1))).isEmpty();
        assertThat(users.get(2).path("id").asString()).isEqualTo(ada);
        assertThat(groupIds(users.get(2))).containsExactly(team, zeta);
        assertThat(users.get(2).path("groups").get(1).path("display").asString()).isEqualTo("Zeta");
        assertThat(second.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(second.json().path("Resources").get(0).path("id").asString()).isEqualTo(bea);
        assertThat(groupIds(second.json().path("Resources").get(0))).isEmpty();
        assertThat(groupIds(byName.json().path("Resources").get(0))).containsExactly(alpha, team, zeta);
        assertThat(groupIds(user(cat))).containsExactly(alpha, team, zeta);
    }

    private static List<String> groupIds(JsonNode user) {
        List<String> ids = new ArrayList<>();
        user.path("groups").forEach(g -> ids.add(g.path("value").asString()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
