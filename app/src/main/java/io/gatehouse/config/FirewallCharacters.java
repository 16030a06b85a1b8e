package io.gatehouse.config;

/**
 * The character rules of Spring Security's {@code StrictHttpFirewall} for header names, header values and
 * parameter names, as loops instead of its regular expressions. The defaults match every header of every
 * request with {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (tab allowed in values), which allocated a
 * {@code Matcher} per header and was ~4 % of the allocation of a SCIM request in a JFR profile; these
 * accept and refuse exactly the same strings (FirewallCharactersTest compares them).
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    /** Header and parameter names: every code point assigned and not a control character. */
    static boolean isAssignedAndNotControl(String s) {
        return check(s, false);
    }

    /** Header values: the same, with horizontal tab allowed. */
    static boolean isHeaderValue(String s) {
        return check(s, true);
    }

    private static boolean check(String s, boolean tabAllowed) {
        int length = s.length();
        for (int i = 0; i < length; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, nearly every header: no table lookup
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
