package io.gatehouse.scim.core.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The filter every Entra and Okta lookup sends, {@code userName eq "…"} / {@code externalId eq "…"}, built without
 * the SDK's general parser, which reads each comparison value through a fresh Jackson parser (~5 % of a lookup's
 * CPU in a JFR profile, see BENCHMARKS.md). Only the plainest shape is taken: an attribute name with at most one
 * sub-attribute, single spaces, {@code eq} in any case, a quoted string without escapes or control characters.
 * Anything else, including every error, goes to the SDK. The result is the tree the SDK builds for the same text
 * (SimpleEqualityTest compares them).
 */
final class SimpleEquality {

    private SimpleEquality() {
    }

    /** The equality filter, or null when the text is not of the plain shape. */
    static Filter parse(String text) {
        int attributeEnd = attributeEnd(text);
        if (attributeEnd <= 0 || !text.regionMatches(true, attributeEnd, " eq \"", 0, 5)) {
            return null;
        }
        int valueStart = attributeEnd + 5;
        int last = text.length() - 1;
        if (last < valueStart || text.charAt(last) != '"') {
            return null;
        }
        for (int i = valueStart; i < last; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return null;
            }
        }
        try {
            return Filter.eq(Path.fromString(text.substring(0, attributeEnd)),
                    JsonNodeFactory.instance.stringNode(text.substring(valueStart, last)));
        } catch (Exception e) { // let the SDK's parser report it in its own words
            return null;
        }
    }

    /** End of {@code name} or {@code name.sub} at the start of the text (ABNF ATTRNAME), or -1. */
    private static int attributeEnd(String text) {
        int i = nameEnd(text, 0);
        if (i > 0 && i < text.length() && text.charAt(i) == '.') {
            i = nameEnd(text, i + 1);
        }
        return i;
    }

    private static int nameEnd(String text, int start) {
        if (start >= text.length() || !isAlpha(text.charAt(start))) {
            return -1;
        }
        int i = start + 1;
        while (i < text.length() && (isAlpha(text.charAt(i)) || isDigit(text.charAt(i))
                || text.charAt(i) == '-' || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
