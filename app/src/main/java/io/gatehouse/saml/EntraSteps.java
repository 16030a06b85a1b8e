package io.gatehouse.saml;

import java.time.Instant;

/**
 * What the company's Entra administrator must be told about one of our keys (Entra admin center, the enterprise
 * application → Single sign-on). An IdP that reads our metadata URL (Keycloak, Okta) learns next keys by itself
 * when it refreshes; Entra takes certificates only by upload.
 */
final class EntraSteps {

    private EntraSteps() {}

    static String forKey(SpKey key, Instant now) {
        boolean signing = key.use() == SpCredential.Use.SIGNING;
        if (key.slot() == null) {
            return signing ? "Retired. Delete it from Entra's Verification certificates if it is still listed."
                    : "Retired: assertions encrypted to it are refused. Delete it from Entra's Token encryption if it"
                            + " is still listed.";
        }
        return switch (key.slot()) {
            case NEXT -> signing
                    ? "Upload this certificate in Entra under SAML Certificates → Verification certificates, beside the"
                            + " current one, before activating it here (only needed while requests are signed)."
                    : "Import this certificate in Entra under Token encryption and activate it there when convenient:"
                            + " {product} already decrypts with it. Then activate it here.";
            case CURRENT -> signing
                    ? "Signs our sign-in and logout requests. Must be among Entra's Verification certificates while"
                            + " requests are signed."
                    : "The certificate Entra's Token encryption should have active (when token encryption is used).";
            case PREVIOUS -> signing
                    ? "Replaced: no longer signs. Delete it from Entra's Verification certificates."
                    : "Replaced: still decrypts until " + key.graceUntil() + (key.decrypts(now) ? "" : " (over)")
                            + ". Make sure the new certificate is the active one in Entra's Token encryption, then"
                            + " delete this one there.";
        };
    }
}
