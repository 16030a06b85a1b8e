package io.gatehouse.api;

import io.gatehouse.access.Actor;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.support.Applications;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;

/**
 * One premium test company as Entra fills it (users, groups and members over SCIM), its Spaces, and an application
 * serving it with an API key.
 */
final class ApiWorld {

    final String id;
    final CompanyId company;
    final Scim scim;
    final String key;
    private final Spaces spaces;
    private final Applications apps;

    ApiWorld(Http http, Spaces spaces) {
        Operator.TestCompany c = new Operator(http).premiumCompanyWithToken();
        this.id = c.id();
        this.company = CompanyId.parse(id).orElseThrow();
        this.scim = new Scim(http, c.scimToken());
        this.spaces = spaces;
        this.apps = new Applications(http);
        this.key = apps.issueKey(apps.serving(id).id());
    }

    /** A GET of the product API with this world's key. */
    Http.Response api(String path) {
        return apps.api(key, path);
    }

    /** A user whose userName (and e-mail address) is {@code name-<n>@contoso.test}. */
    String user(String name) {
        return scim.createUser(name + "-" + System.nanoTime() + "@contoso.test");
    }

    String group(String name, String... members) {
        String group = scim.createGroup(name + " " + System.nanoTime());
        for (String member : members) {
            Http.Response r = scim.patch("/Groups/" + group, EntraBodies.patch(
                    "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]"));
            if (r.status() != 204) {
                throw new IllegalStateException("member not added: " + r);
            }
        }
        return group;
    }

    void deactivate(String user) {
        Http.Response r = scim.patch("/Users/" + user, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));
        if (r.status() != 200) {
            throw new IllegalStateException("not deactivated: " + r);
        }
    }

    String space(String name) {
        return spaces.create(company, Actor.OPERATOR, name + " " + System.nanoTime()).id().toString();
    }

    void grantUser(String space, String user, SpaceRole role) {
        spaces.grant(company, Actor.OPERATOR, UUID.fromString(space), Grantee.user(UUID.fromString(user)), role);
    }

    void grantGroup(String space, String group, SpaceRole role) {
        spaces.grant(company, Actor.OPERATOR, UUID.fromString(space), Grantee.group(UUID.fromString(group)), role);
    }

    void archive(String space) {
        spaces.archive(company, Actor.OPERATOR, UUID.fromString(space));
    }
}
