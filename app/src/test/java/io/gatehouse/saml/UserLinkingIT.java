package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which user a verified subject becomes: by userName (default), by externalId, or created just in time. */
class UserLinkingIT extends SamlIntegrationTest {

    private static final String OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    @Test
    void userNameMatchIgnoresCase() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("Mixed.Case@Contoso.test");
        Browser browser = browser();

        assertThat(signIn(browser, company, "mixed.case@contoso.TEST").status()).isEqualTo(302);
        assertThat(browser.get("/app").body()).contains("Mixed.Case Example");
    }

    @Test
    void linksByEntraObjectIdWhenTheCompanyChoseExternalId() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("renamed@contoso.test");
        patchConnection(company.id(), "{\"linkBy\":\"EXTERNAL_ID\"}");
        Browser browser = browser();
        String requestId = startSignIn(browser, company, null);
        var response = EntraLikeIdp.response(company.id(), requestId, "new.upn@contoso.test");
        response.attributes.put(OBJECT_ID, List.of("renamed"));

        Http.Response acs = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(response), null));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(browser.get("/app").body()).contains("renamed Example");
    }

    @Test
    void missingLinkClaimIsAConfigurationErrorTheAdminCanSee() {
        SsoCompany company = ssoCompany();
        patchConnection(company.id(), "{\"linkBy\":\"EXTERNAL_ID\"}");
        var response = EntraLikeIdp.response(company.id(), null, "x@contoso.test");
        response.attributes.remove(OBJECT_ID);

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(response), null));

        assertThat(acs.status()).isEqualTo(403);
        assertThat(acs.body()).contains("Single sign-on is misconfigured");
        var row = operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0);
        assertThat(row.path("outcome").asString()).isEqualTo("LINK_CLAIM_MISSING");
        assertThat(row.path("detail").asString()).contains(OBJECT_ID);
    }

    @Test
    void justInTimeCreatesTheUserWhenNoScimProvisioningManagesTheCompany() {
        String id = operator().createCompany("JIT Co", "premium");
        uploadMetadata(id, EntraLikeIdp.metadata(TestKeys.IDP.certificate()));
        patchConnection(id, "{\"jitEnabled\":true}");
        SsoCompany company = new SsoCompany(id, null);
        Browser browser = browser();
        String requestId = startSignIn(browser, company, null);
        var response = EntraLikeIdp.response(id, requestId, "newcomer@contoso.test");
        response.attributes.put("http://schemas.microsoft.com/identity/claims/displayname", List.of("New Comer"));

        Http.Response acs = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(response), null));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(browser.get("/app").body()).contains("New Comer");
        String token = operator().issueScimToken(id);
        assertThat(new Scim(http(), token).get("/Users?filter=" + Scim.filter("userName eq \"newcomer@contoso.test\""))
                .json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void justInTimeIsOffWhileScimManagesTheDirectory() {
        SsoCompany company = ssoCompany();
        patchConnection(company.id(), "{\"jitEnabled\":true}");

        Http.Response acs = signIn(browser(), company, "stranger@contoso.test");

        assertThat(acs.status()).isEqualTo(403);
        var row = operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0);
        assertThat(row.path("outcome").asString()).isEqualTo("USER_UNKNOWN");
        assertThat(row.path("detail").asString()).contains("SCIM provisioning");
    }
}
