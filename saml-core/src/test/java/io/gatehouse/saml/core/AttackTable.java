package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.FailureCode.ALGORITHM_NOT_ALLOWED;
import static io.gatehouse.saml.core.FailureCode.AUDIENCE_MISMATCH;
import static io.gatehouse.saml.core.FailureCode.DESTINATION_MISMATCH;
import static io.gatehouse.saml.core.FailureCode.DTD_FORBIDDEN;
import static io.gatehouse.saml.core.FailureCode.DUPLICATE_SIGNATURE;
import static io.gatehouse.saml.core.FailureCode.DUPLICATE_ID;
import static io.gatehouse.saml.core.FailureCode.EXPIRED;
import static io.gatehouse.saml.core.FailureCode.ISSUER_MISMATCH;
import static io.gatehouse.saml.core.FailureCode.MALFORMED_XML;
import static io.gatehouse.saml.core.FailureCode.MISSING_VALIDITY_WINDOW;
import static io.gatehouse.saml.core.FailureCode.MULTIPLE_ASSERTIONS;
import static io.gatehouse.saml.core.FailureCode.NOT_YET_VALID;
import static io.gatehouse.saml.core.FailureCode.REFERENCE_URI_MISMATCH;
import static io.gatehouse.saml.core.FailureCode.SIGNATURE_INVALID;
import static io.gatehouse.saml.core.FailureCode.SIGNATURE_MISSING;
import static io.gatehouse.saml.core.FailureCode.SIGNATURE_WRAPPING;
import static io.gatehouse.saml.core.FailureCode.STATUS_NOT_SUCCESS;
import static io.gatehouse.saml.core.FailureCode.UNEXPECTED_SIGNATURE_PLACEMENT;
import static io.gatehouse.saml.core.FailureCode.UNTRUSTED_KEY;

import java.util.List;

/**
 * Each attack fixture, the code that refuses it, and (where our stricter policy fires first) the
 * code of the defect the fixture was written for. A null code means "accepted" (control cases).
 */
final class AttackTable {

    enum Fix { NONE, STRIP_RESPONSE_SIGNATURE, RESIGN_RESPONSE }

    record Row(String file, FailureCode code, Fix fix, FailureCode intended) {
    }

    private static final String LIB = "attacks/library/";
    private static final String BAD = "attacks/ssoready-bad/";
    private static final String OKTADEV = "attacks/oktadev-suite/response_";

    static final List<Row> ROWS = List.of(
            row(LIB + "xml-crypto/saml_wrapped_signed_info_node.xml", SIGNATURE_WRAPPING),
            row(LIB + "xml-crypto/saml_multiple_signed_info_nodes.xml", SIGNATURE_WRAPPING),
            row(LIB + "xml-crypto/valid_saml_with_digest_comment.xml", SIGNATURE_INVALID),
            row(LIB + "xml-crypto/valid_saml_signature_wrapping.xml", DUPLICATE_ID),
            // Control: the signature verifies; the assertion then lacks the AudienceRestriction
            // that profiles §4.1.4.2 requires, so the SP refuses it at the SAML layer.
            row(LIB + "node-saml/valid_response.root-unsigned.assertion-signed.xml", AUDIENCE_MISMATCH),
            row(LIB + "node-saml/invalid_response.root-resigned-by-attacker-assertion-unsigned-attackers-cert-at-keyinfo.xml",
                    UNTRUSTED_KEY),
            row(LIB + "node-saml/invalid_response.root-signed.multiple-root-elements.xml", MALFORMED_XML),
            row(LIB + "node-saml/invalid_response.root-unsigned.assertion-signed-transforms.xml", ALGORITHM_NOT_ALLOWED),
            row(LIB + "ruby-saml/attackxee.xml", DTD_FORBIDDEN),
            row(LIB + "ruby-saml/response_eval.xml", REFERENCE_URI_MISMATCH),
            row(LIB + "ruby-saml/response_with_concealed_signed_assertion.xml", SIGNATURE_WRAPPING),
            row(LIB + "ruby-saml/response_with_doubled_signed_assertion.xml", MULTIPLE_ASSERTIONS),
            row(LIB + "ruby-saml/response_without_reference_uri.xml.base64", REFERENCE_URI_MISMATCH),
            row(LIB + "java-saml/response_with_spoofed_response_signature.xml", UNEXPECTED_SIGNATURE_PLACEMENT),
            row(LIB + "java-saml/triple_signed_response.xml.base64", DUPLICATE_SIGNATURE),
            row(LIB + "java-saml/duplicate_reference_uri.xml.base64", REFERENCE_URI_MISMATCH),
            row(LIB + "samlify/attack_response_signed.xml", MALFORMED_XML),
            strip(BAD + "bad-assertion-expired-early/assertion.xml", NOT_YET_VALID),
            strip(BAD + "bad-assertion-expired-late/assertion.xml", EXPIRED),
            row(BAD + "bad-assertion-utf8/assertion.xml", MALFORMED_XML),
            row(BAD + "bad-certificate/assertion.xml", UNTRUSTED_KEY),
            row(BAD + "bad-digest-algorithm/assertion.xml", ALGORITHM_NOT_ALLOWED),
            strip(BAD + "bad-idp-entity-id/assertion.xml", ISSUER_MISMATCH),
            row(BAD + "bad-signature-algorithm/assertion.xml", ALGORITHM_NOT_ALLOWED),
            strip(BAD + "bad-sp-entity-id/assertion.xml", AUDIENCE_MISMATCH),
            strip(BAD + "no-certificate/assertion.xml", SIGNATURE_MISSING),
            strip(BAD + "unsigned-assertion/assertion.xml", SIGNATURE_MISSING),
            row(OKTADEV + "0", null),
            row(OKTADEV + "1", SIGNATURE_MISSING),
            resign(OKTADEV + "2", null),
            row(OKTADEV + "3", REFERENCE_URI_MISMATCH),
            resign(OKTADEV + "4", DESTINATION_MISMATCH),
            resign(OKTADEV + "5", ISSUER_MISMATCH),
            resign(OKTADEV + "6", AUDIENCE_MISMATCH),
            resign(OKTADEV + "7", ISSUER_MISMATCH),
            resign(OKTADEV + "8", MISSING_VALIDITY_WINDOW),
            resign(OKTADEV + "9", MISSING_VALIDITY_WINDOW),
            resign(OKTADEV + "10", MISSING_VALIDITY_WINDOW),
            resign(OKTADEV + "11", EXPIRED),
            row(OKTADEV + "12", SIGNATURE_MISSING),
            row(OKTADEV + "13", SIGNATURE_INVALID),
            resign(OKTADEV + "14", STATUS_NOT_SUCCESS),
            resign(OKTADEV + "15", STATUS_NOT_SUCCESS),
            row(OKTADEV + "16", MALFORMED_XML));

    private AttackTable() {
    }

    static Row row(String file) {
        return ROWS.stream().filter(r -> r.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no AttackTable row for " + file));
    }

    private static Row row(String file, FailureCode code) {
        return new Row(file, code, Fix.NONE, null);
    }

    /** The stored Okta Response signature is broken, so SIGNATURE_INVALID comes first. */
    private static Row strip(String file, FailureCode intended) {
        return new Row(file, SIGNATURE_INVALID, Fix.STRIP_RESPONSE_SIGNATURE, intended);
    }

    /** Signed with URI="" and c14n 1.1, which we refuse before reading anything. */
    private static Row resign(String file, FailureCode intended) {
        return new Row(file, REFERENCE_URI_MISMATCH, Fix.RESIGN_RESPONSE, intended);
    }
}
