package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetupTokenTest {

    @Test
    void carries256RandomBitsBehindAPrefix() {
        String token = SetupToken.mint();

        assertThat(token).startsWith("gh_setup_").hasSize(9 + 43);
        assertThat(Base64.getUrlDecoder().decode(token.substring(9))).hasSize(32);
        assertThat(SetupToken.wellFormed(token)).isTrue();
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(SetupToken.mint())).isTrue();
        }
    }

    @Test
    void rejectsAnythingNotOfTheMintedShape() {
        String token = SetupToken.mint();

        assertThat(SetupToken.wellFormed(null)).isFalse();
        assertThat(SetupToken.wellFormed("")).isFalse();
        assertThat(SetupToken.wellFormed(token + "x")).isFalse();
        assertThat(SetupToken.wellFormed("gh_scim_" + token.substring(8))).isFalse();
        assertThat(SetupToken.wellFormed(token.substring(0, 50) + "=")).isFalse();
    }

    @Test
    void storesTheSha256HexOfTheToken() {
        assertThat(SetupToken.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
