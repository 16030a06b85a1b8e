package io.gatehouse.saml.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Reads the signed-in subject out of a verified and checked assertion (SAML core §2.2-2.7). */
final class AssertionReader {

    private AssertionReader() {
    }

    static SamlValidationResult.Success read(Element assertion, AssertionChecks.Verdict verdict) throws Rejection {
        Element subject = Dom.child(assertion, SamlNames.ASSERTION, "Subject");
        Element nameId = subject == null ? null : Dom.child(subject, SamlNames.ASSERTION, "NameID");
        if (nameId == null) {
            boolean encrypted = subject != null && Dom.child(subject, SamlNames.ASSERTION, "EncryptedID") != null;
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "Subject/NameID", encrypted ? "EncryptedID" : null,
                    encrypted ? "encrypted NameIDs are not supported; encrypt the whole assertion instead"
                            : "the assertion names no subject");
        }
        String value = Dom.text(nameId);
        if (value.isEmpty()) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "a NameID value", "", "the NameID is empty");
        }
        Element authn = Dom.child(assertion, SamlNames.ASSERTION, "AuthnStatement");
        String sessionIndex = authn == null ? null : Dom.attr(authn, "SessionIndex");
        Instant sessionEnd = authn == null ? null
                : SamlTime.parseOptional(Dom.attr(authn, "SessionNotOnOrAfter"), "SessionNotOnOrAfter");
        return new SamlValidationResult.Success(
                Dom.text(Dom.child(assertion, SamlNames.ASSERTION, "Issuer")),
                value,
                Dom.attr(nameId, "Format"),
                sessionIndex,
                sessionEnd,
                attributes(assertion),
                Dom.attr(assertion, "ID"),
                verdict.expiresAt(),
                verdict.inResponseTo());
    }

    /**
     * Attribute values keyed by Name, in document order; a Name repeated across statements is
     * merged. xsi:nil values are skipped (SAML core §2.7.3.1.1); other values are their text.
     */
    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element statement : Dom.children(assertion, SamlNames.ASSERTION, "AttributeStatement")) {
            for (Element attribute : Dom.children(statement, SamlNames.ASSERTION, "Attribute")) {
                String name = Dom.attr(attribute, "Name");
                if (name == null) {
                    continue;
                }
                List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>(1));
                for (Element v : Dom.children(attribute, SamlNames.ASSERTION, "AttributeValue")) {
                    if (!"true".equals(v.getAttributeNS(SamlNames.XSI, "nil"))) {
                        values.add(Dom.text(v));
                    }
                }
            }
        }
        return out;
    }
}
