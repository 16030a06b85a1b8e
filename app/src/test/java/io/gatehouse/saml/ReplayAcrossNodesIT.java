package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.SecondNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one deployment (two application contexts on their own ports, one database): a request
 * started on one node is answered on the other, and an assertion accepted by one is a replay on the other.
 */
class ReplayAcrossNodesIT extends SamlIntegrationTest {

    private static SecondNode secondNode;

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start();
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void anAssertionAcceptedByOneNodeIsAReplayOnTheOther() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("twonodes@contoso.test");
        Browser onFirst = browser();
        Browser onSecond = browser().at(secondNodeBase());
        String requestId = startSignIn(onFirst, company, null);
        Map<String, String> post = EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), requestId, "twonodes@contoso.test")), null);

        Http.Response answeredOnSecond = onSecond.postForm(company.acs(), post);
        Http.Response replayedOnFirst = browser().postForm(company.acs(), post);

        assertThat(answeredOnSecond.status()).isEqualTo(302);
        assertThat(onSecond.get("/app").status()).isEqualTo(200);
        assertThat(onFirst.at(http().base()).get("/app").status()).isEqualTo(302);
        assertThat(replayedOnFirst.status()).isEqualTo(403);
    }

    @Test
    void anIdpInitiatedAssertionIsAcceptedOnceAcrossNodes() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("idp2nodes@contoso.test");
        Map<String, String> post = EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, "idp2nodes@contoso.test")), null);

        Http.Response first = browser().postForm(company.acs(), post);
        Http.Response second = browser().at(secondNodeBase()).postForm(company.acs(), post);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(403);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0)
                .path("outcome").asString()).isEqualTo("ASSERTION_REPLAYED");
    }

    @Test
    void aSessionCreatedOnOneNodeIsAcceptedByTheOther() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("roaming@contoso.test");
        Browser browser = browser();

        signIn(browser, company, "roaming@contoso.test");

        assertThat(browser.at(secondNodeBase()).get("/app").body()).contains("roaming Example");
    }

    private static String secondNodeBase() {
        return secondNode.base();
    }
}
