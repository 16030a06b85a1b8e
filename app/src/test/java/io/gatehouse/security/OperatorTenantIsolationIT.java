package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation of the operator API (OperatorCompaniesController, OperatorSamlController,
 * OperatorAccessController): addressed through company A, company B's token ids, user ids, group ids and
 * administrator ids are 404 and nothing of B changes; A's listings never show B's data; and every endpoint
 * answers 404 for a company that does not exist.
 */
class OperatorTenantIsolationIT extends IntegrationTest {

    private Operator op;
    private String a;
    private String b;
    private String bToken;
    private String bTokenId;
    private String bUser;
    private String bGroup;
    private String bAdmin;
    private String bDomain;

    @BeforeEach
    void twoCompanies() {
        op = operator();
        a = op.createCompany("Tenant A " + System.nanoTime(), "premium");
        b = op.createCompany("Tenant B " + System.nanoTime(), "premium");
        Http.Response issued = op.call("POST", "/companies/" + b + "/scim-tokens", null);
        bToken = issued.json().path("token").asString();
        bTokenId = issued.json().path("id").asString();
        Scim scimB = new Scim(http(), bToken);
        bUser = scimB.createUser("b.person." + System.nanoTime() + "@b.example");
        bGroup = scimB.createGroup("B group " + System.nanoTime());
        bAdmin = op.call("POST", "/companies/" + b + "/admins",
                "{\"email\":\"glass@b-" + System.nanoTime() + ".example\",\"displayName\":\"B Glass\"}")
                .json().path("userId").asString();
        assertThat(op.call("PUT", "/companies/" + b + "/roles/users/" + bUser + "/manage_users", null).status())
                .isEqualTo(204);
        bDomain = "b-" + System.nanoTime() + ".example";
        assertThat(op.call("PUT", "/companies/" + b + "/email-domains", "{\"domains\":[\"" + bDomain + "\"]}")
                .status()).isEqualTo(200);
    }

    @Test
    void anotherCompanysTokenIdCannotBeRevoked() {
        assertThat(op.call("DELETE", "/companies/" + a + "/scim-tokens/" + bTokenId, null).status()).isEqualTo(404);

        assertThat(new Scim(http(), bToken).get("/Users").status()).isEqualTo(200);
        JsonNode tokens = op.call("GET", "/companies/" + b + "/scim-tokens", null).json();
        assertThat(tokens.get(0).path("active").asBoolean()).isTrue();
    }

    @Test
    void anotherCompanysAdministratorCannotBeRetired() {
        assertThat(op.call("DELETE", "/companies/" + a + "/admins/" + bAdmin, null).status()).isEqualTo(404);

        assertThat(op.call("GET", "/companies/" + b + "/admins", null).body()).contains(bAdmin);
        assertThat(op.call("GET", "/companies/" + b + "/users/" + bAdmin + "/permissions", null).json()
                .path("permissions").size()).isEqualTo(3);
    }

    @Test
    void anotherCompanysUsersAndGroupsCannotBeGrantedRevokedOrInspected() {
        String roles = "/companies/" + a + "/roles/";
        List<Http.Response> answers = List.of(
                op.call("PUT", roles + "users/" + bUser + "/administrator", null),
                op.call("PUT", roles + "users/" + bAdmin + "/manage_users", null),
                op.call("PUT", roles + "groups/" + bGroup + "/manage_user_groups", null),
                op.call("DELETE", roles + "users/" + bUser + "/manage_users", null),
                op.call("DELETE", roles + "users/" + bAdmin + "/administrator", null),
                op.call("DELETE", roles + "groups/" + bGroup + "/manage_users", null),
                op.call("GET", "/companies/" + a + "/users/" + bUser + "/permissions", null),
                op.call("GET", "/companies/" + a + "/users/" + bAdmin + "/permissions", null));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(404));
        assertThat(op.call("GET", "/companies/" + b + "/users/" + bUser + "/permissions", null).json()
                .path("permissions").toString()).contains("MANAGE_USERS");
        assertThat(op.call("GET", "/companies/" + b + "/roles", null).json().size()).isEqualTo(2);
    }

    @Test
    void listingsOfOneCompanyNeverShowAnother() {
        String all = String.join("\n",
                op.call("GET", "/companies/" + a, null).body(),
                op.call("GET", "/companies/" + a + "/scim-tokens", null).body(),
                op.call("GET", "/companies/" + a + "/provisioning-log?limit=1000", null).body(),
                op.call("GET", "/companies/" + a + "/admins", null).body(),
                op.call("GET", "/companies/" + a + "/roles", null).body(),
                op.call("GET", "/companies/" + a + "/email-domains", null).body(),
                op.call("GET", "/companies/" + a + "/saml-log?limit=1000", null).body());

        assertThat(all).doesNotContain(b).doesNotContain(bTokenId).doesNotContain(bUser).doesNotContain(bGroup)
                .doesNotContain(bAdmin).doesNotContain(bDomain).doesNotContain(bToken.substring(0, 24));
        assertThat(op.call("GET", "/companies/" + a + "/saml-connection", null).status()).isEqualTo(404);
    }

    @Test
    void anotherCompanysEmailDomainCannotBeClaimed() {
        Http.Response r = op.call("PUT", "/companies/" + a + "/email-domains", "{\"domains\":[\"" + bDomain + "\"]}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(op.call("GET", "/companies/" + b + "/email-domains", null).body()).contains(bDomain);
        assertThat(op.call("GET", "/companies/" + a + "/email-domains", null).body()).doesNotContain(bDomain);
    }

    @Test
    void anAdministratorWithAnotherCompanysEmailIsANewAccountInThisCompany() {
        String email = op.call("GET", "/companies/" + b + "/admins", null).json().path("admins").get(0)
                .path("userName").asString();

        Http.Response r = op.call("POST", "/companies/" + a + "/admins", "{\"email\":\"" + email
                + "\",\"displayName\":\"Same mail\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("created").asBoolean()).isTrue();
        assertThat(r.json().path("userId").asString()).isNotEqualTo(bAdmin);
    }

    @Test
    void everyEndpointAnswers404ForACompanyThatDoesNotExist() {
        for (String missing : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            String c = "/companies/" + missing;
            String someId = UUID.randomUUID().toString();
            List<Http.Response> answers = new ArrayList<>();
            // OperatorCompaniesController
            answers.add(op.call("GET", c, null));
            answers.add(op.call("PATCH", c, "{\"plan\":\"standard\"}"));
            answers.add(op.call("POST", c + "/scim-tokens", null));
            answers.add(op.call("GET", c + "/scim-tokens", null));
            answers.add(op.call("DELETE", c + "/scim-tokens/" + bTokenId, null));
            answers.add(op.call("GET", c + "/provisioning-log", null));
            // OperatorSamlController
            answers.add(http().send("PUT", "/operator/v1" + c + "/saml-connection", OPERATOR_TOKEN,
                    "<EntityDescriptor/>", Map.of("Content-Type", "application/xml")));
            answers.add(op.call("PUT", c + "/saml-connection", "{\"metadataUrl\":\"https://idp.example/m.xml\"}"));
            answers.add(op.call("PATCH", c + "/saml-connection", "{}"));
            answers.add(op.call("GET", c + "/saml-connection", null));
            answers.add(op.call("GET", c + "/saml-log", null));
            answers.add(op.call("PUT", c + "/email-domains", "{\"domains\":[\"nowhere.example\"]}"));
            answers.add(op.call("GET", c + "/email-domains", null));
            // OperatorAccessController
            answers.add(op.call("POST", c + "/admins", "{\"email\":\"x@nowhere.example\",\"displayName\":\"X\"}"));
            answers.add(op.call("GET", c + "/admins", null));
            answers.add(op.call("DELETE", c + "/admins/" + bAdmin, null));
            answers.add(op.call("GET", c + "/roles", null));
            answers.add(op.call("PUT", c + "/roles/users/" + someId + "/administrator", null));
            answers.add(op.call("DELETE", c + "/roles/users/" + someId + "/administrator", null));
            answers.add(op.call("GET", c + "/users/" + bUser + "/permissions", null));

            assertThat(answers).as(missing).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(404));
        }
        // ... and nothing of B was touched through them.
        assertThat(op.call("GET", "/companies/" + b + "/scim-tokens", null).json().get(0).path("active").asBoolean())
                .isTrue();
        assertThat(op.call("GET", "/companies/" + b + "/admins", null).body()).contains(bAdmin);
    }
}
