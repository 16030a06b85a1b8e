package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.MicrosoftCompanies.TestCompany;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.net.URI;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the "Sign in with Microsoft" tests: Gatehouse configured with the operator's Entra application
 * pointing at {@link LocalEntra}; companies made as {@link MicrosoftCompanies} does, as a customer would.
 */
@TestPropertySource(properties = "server.servlet.session.cookie.secure=false")
abstract class OidcIntegrationTest extends IntegrationTest {

    @DynamicPropertySource
    static void localEntra(DynamicPropertyRegistry registry) {
        MicrosoftCompanies.configure(registry);
    }

    FormBrowser browser() {
        return new FormBrowser(http().base());
    }

    TestCompany company() {
        return MicrosoftCompanies.create(http());
    }

    /** Starts a sign-in at {@code path}; returns Entra's authorization request the browser is sent to. */
    static URI start(FormBrowser web, String path) {
        Http.Response toEntra = web.get(path);
        assertThat(toEntra.status()).as(toEntra.toString()).isEqualTo(302);
        URI authorize = URI.create(toEntra.header("Location"));
        assertThat(authorize.toString()).startsWith(LocalEntra.authorityBase() + "/organizations/v2.0/authorize?");
        return authorize;
    }
}
