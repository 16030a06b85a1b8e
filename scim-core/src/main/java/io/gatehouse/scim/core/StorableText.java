package io.gatehouse.scim.core;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Text a directory can store as it was sent. A request body must be well-formed UTF-8 (RFC 8259 section 8.1,
 * RFC 3629: no overlong forms such as {@code C0 AF} for "/", no encoded surrogates, nothing above U+10FFFF; Jackson
 * itself decodes overlong forms silently), and no string in it may hold a NUL (PostgreSQL text cannot) or an
 * unpaired UTF-16 surrogate such as the JSON escape {@code \\ud800} (not a character: PostgreSQL's driver would store
 * "?" and H2 the broken string). Both are refused as RFC 7644 {@code invalidValue}, before anything is stored, so the
 * answer is the same on every database.
 */
public final class StorableText {

    private StorableText() {
    }

    /** True when the first {@code length} bytes are well-formed UTF-8. */
    public static boolean isWellFormedUtf8(byte[] bytes, int length) {
        int i = 0;
        while (true) {
            while (i < length && bytes[i] >= 0) { // ASCII, nearly all of a SCIM body: a tight loop
                i++;
            }
            if (i >= length) {
                return true;
            }
            int b = bytes[i] & 0xff;
            int continuation;
            int min = 0x80;
            int max = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                continuation = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                continuation = 2;
                min = b == 0xe0 ? 0xa0 : 0x80; // E0 80..9F would be overlong
                max = b == 0xed ? 0x9f : 0xbf; // ED A0..BF would encode a surrogate
            } else if (b >= 0xf0 && b <= 0xf4) {
                continuation = 3;
                min = b == 0xf0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                max = b == 0xf4 ? 0x8f : 0xbf; // F4 90.. would be above U+10FFFF
            } else {
                return false; // a continuation byte first, C0/C1 (overlong), or F5..FF
            }
            if (i + continuation >= length) {
                return false; // cut short
            }
            int second = bytes[i + 1] & 0xff;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
    }

    /** True when {@code s} holds no NUL and no unpaired surrogate. */
    public static boolean isStorable(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= length || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /**
     * @throws ScimException 400 invalidValue naming the attribute when a string value or member name anywhere in
     *                       {@code node} is not storable
     */
    public static void requireStorable(JsonNode node) {
        String bad = firstUnstorable(node, null);
        if (bad != null) {
            throw ScimException.invalidValue("Attribute '" + bad + "' contains a NUL character or an unpaired UTF-16 "
                    + "surrogate (such as \\ud800), which is not text this service can store; nothing was changed.");
        }
    }

    /** The name of the (innermost) member holding unstorable text, "(value)" outside any member; null if none. */
    private static String firstUnstorable(JsonNode node, String name) {
        if (node.isString()) {
            return isStorable(node.stringValue()) ? null : name == null ? "(value)" : name;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String bad = firstUnstorable(item, name);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!isStorable(member.getKey())) {
                    return "(a member name)";
                }
                String bad = firstUnstorable(member.getValue(), member.getKey());
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }
}
