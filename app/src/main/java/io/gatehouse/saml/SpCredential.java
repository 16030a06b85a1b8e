package io.gatehouse.saml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** One of our key pairs for a company, with the certificate published in our metadata. */
record SpCredential(PrivateKey privateKey, X509Certificate certificate) {

    enum Use {
        SIGNING,
        ENCRYPTION
    }

    @Override
    public String toString() {
        // Never print the private key, not even by accident in a log line.
        return "SpCredential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
