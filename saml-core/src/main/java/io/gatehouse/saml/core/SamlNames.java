package io.gatehouse.saml.core;

/** Namespace and algorithm identifiers used across the SAML core (SAML core §1.2, XMLDSig, XMLEnc). */
final class SamlNames {

    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String NAMEID_ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    // XMLDSig algorithm identifiers (RFC 6931 for the xmldsig-more ones).
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    static final String ECDSA_SHA1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
    static final String DIGEST_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String DIGEST_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    static final String DIGEST_SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";

    // XML Encryption: key transport and content encryption as Entra's token encryption uses them.
    static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String RSA_OAEP_11 = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    static final String AES192_CBC = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
    static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    static final String AES192_GCM = "http://www.w3.org/2009/xmlenc11#aes192-gcm";
    static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    private SamlNames() {
    }
}
