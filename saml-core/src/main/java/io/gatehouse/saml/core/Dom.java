package io.gatehouse.saml.core;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small, allocation-light DOM helpers. Nothing here searches by ID or by XPath. */
final class Dom {

    private Dom() {
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element
                && localName.equals(node.getLocalName())
                && namespace.equals(node.getNamespaceURI());
    }

    /** Direct element children with the given name, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>(2);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, namespace, localName)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** All direct element children, in document order. */
    static List<Element> elementChildren(Element parent) {
        List<Element> out = new ArrayList<>(4);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first direct child with that name, or null. */
    static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, namespace, localName)) {
                return (Element) n;
            }
        }
        return null;
    }

    static Element previousElement(Element element) {
        for (Node n = element.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** An unqualified attribute's value, or null when absent (DOM returns "" for absent). */
    static String attr(Element element, String name) {
        Attr a = element.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /**
     * Element text as XML sees it: all descendant text and CDATA concatenated, comments and
     * processing instructions skipped (getTextContent), then XML whitespace trimmed. Reading only
     * the first text node would turn {@code user@evil.com<!---->.good.com} into user@evil.com.
     */
    static String text(Element element) {
        return trimXmlWhitespace(element.getTextContent());
    }

    static String trimXmlWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isXmlWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isXmlWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isXmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static String describe(Element e) {
        return e.getNamespaceURI() == null ? e.getLocalName() : "{" + e.getNamespaceURI() + "}" + e.getLocalName();
    }
}
