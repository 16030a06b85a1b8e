package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FirewallCharactersTest {

    // The patterns of Spring Security's StrictHttpFirewall (7.0) that FirewallCharacters replaces.
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void ordinaryHeadersPass() {
        assertThat(FirewallCharacters.isHeaderValue("Bearer gh_scim_abc.DEF-123_x")).isTrue();
        assertThat(FirewallCharacters.isHeaderValue("application/scim+json; charset=utf-8")).isTrue();
        assertThat(FirewallCharacters.isHeaderValue("W/\"3\"")).isTrue();
        assertThat(FirewallCharacters.isHeaderValue("Zoë Ångström 日本 😀")).isTrue();
        assertThat(FirewallCharacters.isAssignedAndNotControl("If-None-Match")).isTrue();
        assertThat(FirewallCharacters.isHeaderValue("")).isTrue();
    }

    @Test
    void controlAndUnassignedCharactersAreRefused() {
        assertThat(FirewallCharacters.isHeaderValue("a\u0000b")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\nb")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\u0085b")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\u007fb")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\u0378b")).isFalse(); // unassigned
        assertThat(FirewallCharacters.isHeaderValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.isAssignedAndNotControl("a\tb")).isFalse();
    }

    @Test
    void acceptsExactlyWhatTheFirewallsRegularExpressionsAccept() {
        Random random = new Random(20261129L);
        int[] interesting = {'\t', '\n', '\r', 0, 0x1f, 0x7f, 0x85, 0x9f, 0xa0, 0x378, 0xd800, 0xdc00, 0xfffe, 0xffff,
                0x1f600, 0xe0001, 0x10ffff};
        for (int run = 0; run < 200_000; run++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(4);
                int codePoint = switch (pick) {
                    case 0 -> 0x20 + random.nextInt(0x5f);
                    case 1 -> interesting[random.nextInt(interesting.length)];
                    case 2 -> random.nextInt(0x800);
                    default -> random.nextInt(Character.MAX_CODE_POINT + 1);
                };
                s.appendCodePoint(codePoint);
            }
            String value = s.toString();
            assertThat(FirewallCharacters.isAssignedAndNotControl(value)).as("name %s", escaped(value))
                    .isEqualTo(NAME.matcher(value).matches());
            assertThat(FirewallCharacters.isHeaderValue(value)).as("value %s", escaped(value))
                    .isEqualTo(VALUE.matcher(value).matches());
        }
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(String.format("\\u{%x}", cp)));
        return out.toString();
    }
}
