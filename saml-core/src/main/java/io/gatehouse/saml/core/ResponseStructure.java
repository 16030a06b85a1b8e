package io.gatehouse.saml.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Structural facts gathered in one walk of a parsed document: every ID value (which must be
 * unique), every Signature and every assertion, wherever they hide. Signature wrapping attacks
 * depend on a second element the verifier and the reader disagree about; refusing duplicates and
 * misplaced assertions or signatures here leaves them no second element to use.
 */
final class ResponseStructure {

    final List<Element> signatures = new ArrayList<>(2);
    final List<Element> assertions = new ArrayList<>(1);

    private ResponseStructure() {
    }

    /**
     * Walks the whole document. ID-like attributes (SAML's ID, XMLDSig/XMLEnc's Id, xml:id) must
     * be unique across everything seen so far, which includes the Response when a decrypted
     * assertion is scanned second.
     */
    static ResponseStructure scan(Document doc, Set<String> seenIds) throws Rejection {
        ResponseStructure s = new ResponseStructure();
        Node node = doc.getDocumentElement();
        while (node != null) {
            if (node instanceof Element e) {
                s.visit(e, seenIds);
            }
            node = next(node, doc.getDocumentElement());
        }
        return s;
    }

    /** Pre-order successor without recursion; depth is capped by the parser anyway. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        while (node != null && node != root) {
            if (node.getNextSibling() != null) {
                return node.getNextSibling();
            }
            node = node.getParentNode();
        }
        return null;
    }

    private void visit(Element e, Set<String> seenIds) throws Rejection {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (isIdAttribute(a) && !seenIds.add(a.getValue())) {
                throw Rejection.of(FailureCode.DUPLICATE_ID, "unique ID values", a.getValue(),
                        "two elements share ID '" + a.getValue() + "' (signature wrapping precondition)");
            }
        }
        if (Dom.is(e, SamlNames.DSIG, "Signature")) {
            signatures.add(e);
        } else if (Dom.is(e, SamlNames.ASSERTION, "Assertion") || Dom.is(e, SamlNames.ASSERTION, "EncryptedAssertion")) {
            assertions.add(e);
        }
    }

    private static boolean isIdAttribute(Attr a) {
        String ns = a.getNamespaceURI();
        String name = a.getLocalName();
        if (ns == null) {
            return "ID".equals(name) || "Id".equals(name);
        }
        return XMLConstants.XML_NS_URI.equals(ns) && "id".equals(name);
    }

    /**
     * The one assertion (plain or encrypted) a Web SSO Response may carry, as a direct child of
     * the Response (SAML profiles §4.1.4.2), or null when there is none.
     */
    Element singleAssertion(Element response) throws Rejection {
        Element direct = null;
        for (Element a : assertions) {
            if (a.getParentNode() != response) {
                Node parent = a.getParentNode();
                throw Rejection.of(FailureCode.SIGNATURE_WRAPPING, "assertion directly under Response",
                        "assertion inside " + (parent instanceof Element p ? p.getTagName() : "?"),
                        "an assertion is nested where the SAML schema does not allow one");
            }
            if (direct != null) {
                throw Rejection.of(FailureCode.MULTIPLE_ASSERTIONS, "1", String.valueOf(assertions.size()),
                        "the Response carries more than one assertion");
            }
            direct = a;
        }
        return direct;
    }

    /**
     * A decrypted assertion is scanned as its own document: it must be the only assertion in it
     * (no assertion smuggled inside the ciphertext).
     */
    void requireOnlyAssertion(Element decrypted) throws Rejection {
        if (assertions.size() != 1 || assertions.get(0) != decrypted) {
            throw Rejection.of(FailureCode.SIGNATURE_WRAPPING, "one assertion", assertions.size() + " assertions",
                    "the encrypted assertion contains nested assertions");
        }
    }

    /**
     * Every Signature must sit on the Response or on its assertion, one per element (SAML core
     * §5.4.1). Position among the siblings is not enforced: Auth0 appends the Response signature
     * after the assertion, against the schema order, and position carries no security meaning.
     */
    SignedParts placeSignatures(Element response, Element assertion) throws Rejection {
        Element onResponse = null;
        Element onAssertion = null;
        for (Element sig : signatures) {
            Node parent = sig.getParentNode();
            if (parent == response) {
                onResponse = single(onResponse, sig, "Response");
            } else if (parent == assertion && assertion != null && Dom.is(assertion, SamlNames.ASSERTION, "Assertion")) {
                onAssertion = single(onAssertion, sig, "Assertion");
            } else {
                throw Rejection.of(FailureCode.UNEXPECTED_SIGNATURE_PLACEMENT, "Signature on Response or Assertion",
                        "Signature inside " + (parent instanceof Element p ? p.getTagName() : "?"),
                        "a Signature sits where no signed SAML element is expected");
            }
        }
        return new SignedParts(onResponse, onAssertion);
    }

    private static Element single(Element existing, Element sig, String where) throws Rejection {
        if (existing != null) {
            throw Rejection.of(FailureCode.DUPLICATE_SIGNATURE, "one Signature per element",
                    "several Signatures on " + where, "the " + where + " carries more than one Signature");
        }
        return sig;
    }

    /** Where the signatures are: either may be null. */
    record SignedParts(Element responseSignature, Element assertionSignature) {
    }
}
