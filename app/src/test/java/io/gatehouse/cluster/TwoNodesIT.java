package io.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes behind one load balancer (issue 5): every request may land on either node, so nothing a node
 * decides may rest on its own memory.
 *
 * <p>Sign-in across nodes is covered by {@code saml.ReplayAcrossNodesIT}, which uses the saml package's test
 * IdP: a session created on one node is accepted by the other
 * ({@code aSessionCreatedOnOneNodeIsAcceptedByTheOther}), an SP-initiated request started on one node is
 * answered on the other and the assertion is then a replay on the first
 * ({@code anAssertionAcceptedByOneNodeIsAReplayOnTheOther}), and an IdP-initiated assertion is accepted once
 * across nodes ({@code anIdpInitiatedAssertionIsAcceptedOnceAcrossNodes}). They are not repeated here.
 */
class TwoNodesIT extends TwoNodeTest {

    @Test
    void aTokenRevokedThroughOneNodeFailsOnTheOtherWithTheVeryNextRequest() {
        String company = a().createCompany("Revoke across nodes " + System.nanoTime(), "standard");
        JsonNode issued = a().issueScimToken(company);
        String token = issued.path("token").asString();
        assertThat(a().scim("GET", "/Users", token, null).status()).isEqualTo(200);
        assertThat(b().scim("GET", "/Users", token, null).status()).isEqualTo(200);

        Node.Response revoked = a().operator("DELETE",
                "/companies/" + company + "/scim-tokens/" + issued.path("id").asString(), null);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(b().scim("GET", "/Users", token, null).status()).isEqualTo(401);
        assertThat(a().scim("GET", "/Users", token, null).status()).isEqualTo(401);
        assertThat(b().scim("POST", "/Users", token, EntraBodies.user("late@contoso.test")).status()).isEqualTo(401);
    }

    @Test
    void aTokenRevokedOnTheSecondNodeFailsOnTheFirstWhileTheOtherTokenKeepsWorking() {
        String company = a().createCompany("Rotate across nodes " + System.nanoTime(), "standard");
        JsonNode old = a().issueScimToken(company);
        String fresh = b().issueScimToken(company).path("token").asString();
        String oldToken = old.path("token").asString();
        // Warm both nodes with the old token, alternating.
        for (int i = 0; i < 4; i++) {
            assertThat(node(i).scim("GET", "/Users", oldToken, null).status()).isEqualTo(200);
        }

        Node.Response revoked = b().operator("DELETE",
                "/companies/" + company + "/scim-tokens/" + old.path("id").asString(), null);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(a().scim("GET", "/Users", oldToken, null).status()).isEqualTo(401);
        assertThat(b().scim("GET", "/Users", oldToken, null).status()).isEqualTo(401);
        assertThat(a().scim("GET", "/Users", fresh, null).status()).isEqualTo(200);
        assertThat(b().scim("GET", "/Users", fresh, null).status()).isEqualTo(200);
    }

    @Test
    void aWriteOnOneNodeIsReadOnTheOtherWithTheNextRequest() {
        String token = premiumCompany()[1];
        String user = a().createUser(token, "alternate@contoso.test");
        String group = b().createGroup(token, "Alternating");
        List<Long> versions = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            Node writer = node(i);
            Node reader = node(i + 1);
            Node.Response patched = writer.scim("PATCH", "/Users/" + user, token, EntraBodies.patch(
                    "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Title " + i + "\"}]"));
            assertThat(patched.status()).isEqualTo(200);
            Node.Response read = reader.scim("GET", "/Users/" + user, token, null);
            assertThat(read.json().path("title").asString()).isEqualTo("Title " + i);
            assertThat(read.header("ETag")).isEqualTo(patched.header("ETag"));
            versions.add(Long.parseLong(read.header("ETag").replaceAll("\\D", "")));
        }
        assertThat(versions).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);

        assertThat(a().scim("PATCH", "/Groups/" + group, token, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]")).status())
                .isEqualTo(204);
        assertThat(b().scim("GET", "/Groups/" + group, token, null).json().path("members").get(0).path("value")
                .asString()).isEqualTo(user);
        assertThat(b().scim("DELETE", "/Users/" + user, token, null).status()).isEqualTo(204);
        assertThat(a().scim("GET", "/Users/" + user, token, null).status()).isEqualTo(404);
        assertThat(a().scim("GET", "/Groups/" + group, token, null).json().path("members").size()).isZero();
    }
}
