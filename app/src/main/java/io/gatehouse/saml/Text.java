package io.gatehouse.saml;

/** Bounding text that came from outside before it reaches a column or a page. */
final class Text {

    private Text() {}

    /** At most {@code max} characters, control characters replaced, so log rows stay single-line. */
    static String bounded(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > max && b.length() == max) {
            b.setCharAt(max - 1, '…');
        }
        return b.toString();
    }
}
