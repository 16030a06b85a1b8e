package io.gatehouse.saml.core.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes the CLI's single JSON object by hand (RFC 8259). Output is pure ASCII: everything
 * outside printable ASCII is a \\u escape, so the bytes do not depend on the console charset.
 */
final class Json {

    private final StringBuilder b = new StringBuilder(256).append('{');
    private boolean first = true;

    Json field(String name, Object value) {
        if (!first) {
            b.append(',');
        }
        first = false;
        string(name);
        b.append(':');
        value(value);
        return this;
    }

    String close() {
        return b.append('}').toString();
    }

    private void value(Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean bool) {
            b.append(bool);
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean firstEntry = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(firstEntry ? "" : ",");
                firstEntry = false;
                string(String.valueOf(e.getKey()));
                b.append(':');
                value(e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ",");
                value(list.get(i));
            }
            b.append(']');
        } else {
            string(v.toString());
        }
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
