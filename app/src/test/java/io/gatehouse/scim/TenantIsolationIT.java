package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token of company A can neither read, list, filter, change nor delete anything of company B. */
class TenantIsolationIT extends IntegrationTest {

    private Scim a;
    private Scim b;
    private String bUser;
    private String bGroup;

    @BeforeEach
    void twoCompanies() {
        TestCompany companyA = operator().premiumCompanyWithToken();
        TestCompany companyB = operator().premiumCompanyWithToken();
        a = new Scim(http(), companyA.scimToken());
        b = new Scim(http(), companyB.scimToken());
        bUser = b.createUser("secret.person@b.example");
        bGroup = b.createGroup("B Secret Group");
        b.patch("/Groups/" + bGroup, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bUser + "\"}]}]"));
    }

    @Test
    void cannotReadAnotherCompanysUserOrGroupById() {
        assertThat(a.get("/Users/" + bUser).status()).isEqualTo(404);
        assertThat(a.get("/Groups/" + bGroup).status()).isEqualTo(404);
    }

    @Test
    void listingAndFilteringNeverShowAnotherCompanysData() {
        Http.Response users = a.get("/Users");
        Http.Response byName = a.get("/Users?filter=" + Scim.filter("userName eq \"secret.person@b.example\""));
        Http.Response byId = a.get("/Users?filter=" + Scim.filter("id eq \"" + bUser + "\""));
        Http.Response groups = a.get("/Groups");
        Http.Response byMember = a.get("/Groups?filter=" + Scim.filter("members eq \"" + bUser + "\""));

        assertThat(users.json().path("totalResults").asInt()).isZero();
        assertThat(byName.json().path("totalResults").asInt()).isZero();
        assertThat(byId.json().path("totalResults").asInt()).isZero();
        assertThat(groups.json().path("totalResults").asInt()).isZero();
        assertThat(byMember.json().path("totalResults").asInt()).isZero();
        assertThat(users.body() + byName.body() + groups.body()).doesNotContain("secret");
    }

    @Test
    void cannotChangeOrDeleteAnotherCompanysResources() {
        assertThat(a.put("/Users/" + bUser, EntraBodies.user("hijack@a.example")).status()).isEqualTo(404);
        assertThat(a.patch("/Users/" + bUser, EntraBodies.patch(
                "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")).status()).isEqualTo(404);
        assertThat(a.delete("/Users/" + bUser).status()).isEqualTo(404);
        assertThat(a.put("/Groups/" + bGroup, EntraBodies.group("Hijacked")).status()).isEqualTo(404);
        assertThat(a.patch("/Groups/" + bGroup, EntraBodies.patch(
                "[{\"op\":\"Remove\",\"path\":\"members\"}]")).status()).isEqualTo(404);
        assertThat(a.delete("/Groups/" + bGroup).status()).isEqualTo(404);

        Http.Response user = b.get("/Users/" + bUser);
        assertThat(user.json().path("userName").asString()).isEqualTo("secret.person@b.example");
        assertThat(user.json().path("active").asBoolean()).isTrue();
        assertThat(b.get("/Groups/" + bGroup).json().path("members").size()).isEqualTo(1);
    }

    @Test
    void cannotAddAnotherCompanysUserToOwnGroup() {
        String aGroup = a.createGroup("A Group");

        Http.Response r = a.patch("/Groups/" + aGroup, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bUser + "\"}]}]"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("scimType").asString()).isEqualTo("invalidValue");
        assertThat(a.get("/Groups/" + aGroup).json().path("members").size()).isZero();
    }

    @Test
    void sameUserNameMayExistInTwoCompanies() {
        assertThat(a.post("/Users", EntraBodies.user("secret.person@b.example")).status()).isEqualTo(201);
    }
}
