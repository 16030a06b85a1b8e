package io.gatehouse.saml.core;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The exact XMLDSig shape a SAML signature may take (XMLDSig core §4, SAML core §5.4): one
 * SignedInfo with one Reference to '#'+ID of the signature's own parent, enveloped-signature then
 * exclusive c14n, allow-listed algorithms. Checked on the DOM before xmlsec sees the signature, so
 * wrapped or duplicated SignedInfo elements (CVE-2025-29774/29775) and XPath-looking URIs never
 * reach a resolver.
 */
final class SignatureShape {

    /** xs:ID is an NCName; this ASCII subset is what every IdP emits and all a URI may contain. */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,255}");

    private static final Set<String> SIGNATURE_STRONG = Set.of(SamlNames.RSA_SHA256, SamlNames.RSA_SHA384,
            SamlNames.RSA_SHA512, SamlNames.ECDSA_SHA256, SamlNames.ECDSA_SHA384, SamlNames.ECDSA_SHA512);
    private static final Set<String> SIGNATURE_SHA1 = Set.of(SamlNames.RSA_SHA1, SamlNames.ECDSA_SHA1);
    private static final Set<String> DIGEST_STRONG = Set.of(SamlNames.DIGEST_SHA256, SamlNames.DIGEST_SHA384,
            SamlNames.DIGEST_SHA512);
    private static final String SHA1_ADVICE = "the IdP signs with SHA-1; switch it to SHA-256 (Entra: Enterprise "
            + "application > Single sign-on > SAML Certificates > Signing Algorithm = SHA-256) or allow SHA-1 for "
            + "this connection";

    private SignatureShape() {
    }

    /** Shape and Reference checks (validation step 2). */
    static void checkStructure(Element signature, Element signedElement) throws Rejection {
        List<Element> parts = Dom.elementChildren(signature);
        if (parts.isEmpty() || !Dom.is(parts.get(0), SamlNames.DSIG, "SignedInfo")) {
            throw malformed("Signature must start with SignedInfo");
        }
        Element signedInfo = parts.get(0);
        List<Element> references = Dom.children(signedInfo, SamlNames.DSIG, "Reference");
        if (references.size() != 1) {
            throw malformed("SignedInfo must hold exactly one Reference, found " + references.size());
        }
        checkReferenceUri(references.get(0), signedElement);
        requireNames(parts, "Signature", "SignedInfo", "SignatureValue", "KeyInfo?");
        requireNames(Dom.elementChildren(signedInfo), "SignedInfo", "CanonicalizationMethod", "SignatureMethod",
                "Reference");
        List<Element> refParts = Dom.elementChildren(references.get(0));
        requireNames(refParts, "Reference", "Transforms", "DigestMethod", "DigestValue");
        for (Element t : Dom.elementChildren(refParts.get(0))) {
            if (!Dom.is(t, SamlNames.DSIG, "Transform")) {
                throw malformed("Transforms may only contain Transform elements");
            }
        }
    }

    private static void checkReferenceUri(Element reference, Element signedElement) throws Rejection {
        String uri = Dom.attr(reference, "URI");
        String id = Dom.attr(signedElement, "ID");
        String expected = id == null ? "#<ID of " + signedElement.getLocalName() + ">" : "#" + id;
        if (uri == null || uri.isEmpty()) {
            throw Rejection.of(FailureCode.REFERENCE_URI_MISMATCH, expected, uri == null ? "no URI" : "\"\"",
                    "a Reference to the whole document is refused; it must name the signed element's ID");
        }
        if (id == null || !ID.matcher(id).matches() || !uri.equals("#" + id)) {
            throw Rejection.of(FailureCode.REFERENCE_URI_MISMATCH, expected, uri,
                    "the signature does not cover the " + signedElement.getLocalName() + " it is attached to");
        }
    }

    /** Names must match in order; a trailing '?' marks the last one optional. */
    private static void requireNames(List<Element> elements, String parent, String... names) throws Rejection {
        int required = names[names.length - 1].endsWith("?") ? names.length - 1 : names.length;
        if (elements.size() < required || elements.size() > names.length) {
            throw malformed(parent + " must contain " + String.join(", ", names));
        }
        for (int i = 0; i < elements.size(); i++) {
            String name = names[i].endsWith("?") ? names[i].substring(0, names[i].length() - 1) : names[i];
            if (!Dom.is(elements.get(i), SamlNames.DSIG, name)) {
                throw malformed(parent + " must contain " + String.join(", ", names) + "; found "
                        + elements.get(i).getTagName() + " at position " + (i + 1));
            }
        }
    }

    /**
     * Algorithm allow-list (validation step 3). Returns true when SHA-1 was used and allowed, so
     * callers that tolerate it (metadata) can warn.
     */
    static boolean checkAlgorithms(Element signature, boolean allowSha1) throws Rejection {
        Element signedInfo = Dom.child(signature, SamlNames.DSIG, "SignedInfo");
        Element reference = Dom.child(signedInfo, SamlNames.DSIG, "Reference");
        String c14n = algorithm(Dom.child(signedInfo, SamlNames.DSIG, "CanonicalizationMethod"));
        if (!SamlNames.EXC_C14N.equals(c14n)) {
            throw notAllowed(SamlNames.EXC_C14N, c14n, "canonicalization must be exclusive c14n without comments");
        }
        List<String> transforms = Dom.children(Dom.child(reference, SamlNames.DSIG, "Transforms"), SamlNames.DSIG,
                "Transform").stream().map(SignatureShape::algorithm).toList();
        if (!transforms.equals(List.of(SamlNames.ENVELOPED, SamlNames.EXC_C14N))) {
            throw notAllowed("[enveloped-signature, exc-c14n]", String.join(", ", transforms),
                    "transforms must be exactly enveloped-signature followed by exclusive c14n");
        }
        boolean sha1 = checkOne(algorithm(Dom.child(signedInfo, SamlNames.DSIG, "SignatureMethod")),
                SIGNATURE_STRONG, SIGNATURE_SHA1, allowSha1, "signature");
        return checkOne(algorithm(Dom.child(reference, SamlNames.DSIG, "DigestMethod")),
                DIGEST_STRONG, Set.of(SamlNames.DIGEST_SHA1), allowSha1, "digest") || sha1;
    }

    private static boolean checkOne(String alg, Set<String> strong, Set<String> sha1, boolean allowSha1, String what)
            throws Rejection {
        if (alg == null) {
            // Set.of(...).contains(null) throws: a missing Algorithm attribute is a refusal, not a crash.
            throw notAllowed("RSA/ECDSA with SHA-256, SHA-384 or SHA-512", null, what + " algorithm is missing");
        }
        if (strong.contains(alg)) {
            return false;
        }
        if (sha1.contains(alg)) {
            if (allowSha1) {
                return true;
            }
            throw Rejection.of(FailureCode.SHA1_NOT_ALLOWED, "SHA-256 or stronger", alg, SHA1_ADVICE);
        }
        throw notAllowed("RSA/ECDSA with SHA-256, SHA-384 or SHA-512", alg, what + " algorithm is not allowed");
    }

    private static String algorithm(Element e) {
        return e == null ? null : Dom.attr(e, "Algorithm");
    }

    private static Rejection malformed(String detail) {
        return Rejection.of(FailureCode.SIGNATURE_MALFORMED, detail);
    }

    private static Rejection notAllowed(String expected, String actual, String detail) {
        return Rejection.of(FailureCode.ALGORITHM_NOT_ALLOWED, expected, actual, detail);
    }
}
