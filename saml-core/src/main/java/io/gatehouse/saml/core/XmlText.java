package io.gatehouse.saml.core;

/** Escaping for the XML this module writes by hand (XML 1.0 §2.4, §3.3.3). */
final class XmlText {

    private XmlText() {
    }

    /** Escapes for use inside a double-quoted attribute value or element content. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                // Attribute value normalization would turn these into spaces; keep them.
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("control character U+" + Integer.toHexString(c)
                                + " cannot appear in XML 1.0");
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
