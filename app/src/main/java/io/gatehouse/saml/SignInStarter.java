package io.gatehouse.saml;

import io.gatehouse.saml.core.AuthnRequestBuilder;
import io.gatehouse.saml.core.RedirectAuthnRequest;
import io.gatehouse.tenancy.CompanyId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Starts an SP-initiated sign-in: an AuthnRequest to the company's IdP over HTTP-Redirect (saml-core's
 * builder), its ID kept in saml_request with the already-checked target so exactly one response can
 * answer it. The target travels as RelayState only when it fits the binding's 80 bytes; the stored copy
 * is the one used.
 */
@Service
class SignInStarter {

    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final PendingRequests requests;
    private final SpKeys spKeys;
    private final SpEndpoints endpoints;
    private final Clock clock;

    SignInStarter(PendingRequests requests, SpKeys spKeys, SpEndpoints endpoints, Clock clock) {
        this.requests = requests;
        this.spKeys = spKeys;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** @return the URL of the IdP to redirect the browser to */
    String start(SamlConnection connection, String requestedTarget) {
        CompanyId company = connection.company();
        String target = SafeTarget.orDefault(requestedTarget);
        AuthnRequestBuilder builder = new AuthnRequestBuilder(endpoints.entityId(company, connection.options()),
                endpoints.acsUrl(company), connection.ssoUrl(), clock);
        if (connection.options().signAuthnRequests()) {
            builder = builder.withSigningKey(spKeys.signing(company).privateKey(), RSA_SHA256);
        }
        boolean fits = target.getBytes(StandardCharsets.UTF_8).length <= AuthnRequestBuilder.MAX_RELAY_STATE_BYTES;
        RedirectAuthnRequest request = builder.build(fits ? target : null);
        requests.save(company, request.requestId(), target);
        return request.redirectUrl();
    }
}
