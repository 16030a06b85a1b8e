package io.gatehouse.access;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;

/**
 * One test company as Entra would fill it: users, groups and memberships are created over SCIM with the
 * company's token; roles are granted through the operator API.
 */
final class AccessWorld {

    final String id;
    final CompanyId company;
    final Scim scim;
    private final Operator operator;

    private AccessWorld(String id, String token, Operator operator, Http http) {
        this.id = id;
        this.company = CompanyId.parse(id).orElseThrow();
        this.scim = new Scim(http, token);
        this.operator = operator;
    }

    static AccessWorld premium(Operator operator, Http http) {
        Operator.TestCompany c = operator.premiumCompanyWithToken();
        return new AccessWorld(c.id(), c.scimToken(), operator, http);
    }

    static AccessWorld standard(Operator operator, Http http) {
        Operator.TestCompany c = operator.standardCompanyWithToken();
        return new AccessWorld(c.id(), c.scimToken(), operator, http);
    }

    UUID user(String name) {
        return UUID.fromString(scim.createUser(name + "-" + System.nanoTime() + "@contoso.test"));
    }

    UUID group(String name) {
        return UUID.fromString(scim.createGroup(name + " " + System.nanoTime()));
    }

    /** A new group with these members, added the way Entra adds them (PATCH add members). */
    UUID groupWith(String name, UUID... members) {
        UUID group = group(name);
        for (UUID member : members) {
            addMember(group, member);
        }
        return group;
    }

    void addMember(UUID group, UUID user) {
        expect(204, scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]")));
    }

    void removeMember(UUID group, UUID user) {
        expect(204, scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]")));
    }

    void deleteGroup(UUID group) {
        expect(204, scim.delete("/Groups/" + group));
    }

    void deleteUser(UUID user) {
        expect(204, scim.delete("/Users/" + user));
    }

    void deactivate(UUID user) {
        expect(200, scim.patch("/Users/" + user, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")));
    }

    /** A break-glass administrator created through the operator API, with its setup token. */
    record Admin(UUID userId, String userName, String token) {}

    Admin breakGlassAdmin(String email) {
        Http.Response r = expect(201, operator.call("POST", "/companies/" + id + "/admins",
                "{\"email\":\"" + email + "\",\"displayName\":\"Break glass\"}"));
        String link = r.json().path("setupLink").asString();
        return new Admin(UUID.fromString(r.json().path("userId").asString()), r.json().path("userName").asString(),
                link.substring(link.lastIndexOf('/') + 1));
    }

    /** A unique address for this test run. */
    static String email(String name) {
        return name + "-" + System.nanoTime() + "@contoso.test";
    }

    /** PUT /operator/v1/companies/{id}/roles/{users|groups}/{grantee}/{grant} */
    void grant(String kind, UUID grantee, Grantable grant) {
        expect(204, operator.call("PUT", "/companies/" + id + "/roles/" + kind + "/" + grantee + "/" + grant.name(),
                null));
    }

    void grantUser(UUID user, Grantable grant) {
        grant("users", user, grant);
    }

    void grantGroup(UUID group, Grantable grant) {
        grant("groups", group, grant);
    }

    static Http.Response expect(int status, Http.Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }
}
