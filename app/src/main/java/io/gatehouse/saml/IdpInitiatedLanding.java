package io.gatehouse.saml;

import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.tenancy.CompanyId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a sign-in started at the company's identity provider (an unsolicited SAML Response: Entra's My Apps) ends.
 *
 * <p>Which application it is for: RelayState naming an application's client id (Entra: the enterprise
 * application's "Relay State"), else the company's only enabled application when exactly one serves it. A
 * RelayState that is a path on this site keeps its meaning (that page). Anything else, or an application without
 * an initiate login URI, lands on Gatehouse's own page, as before.
 *
 * <p>How it ends: PKCE is required for every client, so Gatehouse cannot mint a code the product could redeem
 * (the verifier must be the product's own). It hands the sign-in to the product instead, per OpenID Connect Core 4
 * ("Initiating Login from a Third Party"): a redirect to the application's initiate login URI with {@code iss}
 * (our issuer), {@code login_hint} (the user's email, else userName), {@code target_link_uri} (the default redirect
 * URI) and {@code organization} (the company id, for a product that forwards it to /oauth2/authorize). The product
 * starts its normal code flow with PKCE; the Gatehouse session just established answers it without another trip to
 * the identity provider, so the browser arrives at the redirect URI with a fresh code.
 */
@Component
class IdpInitiatedLanding {

    private final ProductApplications applications;
    private final String issuer;

    IdpInitiatedLanding(ProductApplications applications, GatehouseProperties properties) {
        this.applications = applications;
        this.issuer = properties.baseUrl();
    }

    String target(CompanyId company, UserRecord user, String relayState) {
        if (SafeTarget.isSafe(relayState)) {
            return relayState;
        }
        Optional<ProductApplication> app = application(company, relayState);
        if (app.isEmpty() || app.get().initiateLoginUri() == null) {
            return SafeTarget.DEFAULT;
        }
        String hint = user.primaryEmail() != null ? user.primaryEmail() : user.userName();
        return UriComponentsBuilder.fromUriString(app.get().initiateLoginUri())
                .queryParam("iss", issuer)
                .queryParam("login_hint", hint)
                .queryParam("target_link_uri", app.get().defaultRedirectUri())
                .queryParam("organization", company.toString())
                .encode().build().toUriString();
    }

    private Optional<ProductApplication> application(CompanyId company, String relayState) {
        if (relayState != null && !relayState.isBlank()) {
            return applications.findByClientId(relayState.strip())
                    .filter(a -> a.enabled() && a.serves(company));
        }
        List<ProductApplication> serving = applications.applicationsServing(company);
        return serving.size() == 1 ? Optional.of(serving.get(0)) : Optional.empty();
    }
}
