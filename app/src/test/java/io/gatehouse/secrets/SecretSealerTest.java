package io.gatehouse.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    static final KeyEncryptionKey K1 = KeyEncryptionKey.parse("k1:" + key(1));
    static final KeyEncryptionKey K2 = KeyEncryptionKey.parse("k2:" + key(2));

    static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private final SecretSealer sealer = new SecretSealer(new KeyEncryptionKeys(List.of(K1)));

    @Test
    void aSealedValueOpensForItsPurposeAndRow() {
        String sealed = sealer.seal("sp-key", "42", "private key".getBytes(StandardCharsets.UTF_8));

        assertThat(sealer.openText("sp-key", "42", sealed)).isEqualTo("private key");
        assertThat(sealed).startsWith("s1.k1.").doesNotContain("private");
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentText() {
        assertThat(sealer.seal("p", "1", "x")).isNotEqualTo(sealer.seal("p", "1", "x"));
    }

    @Test
    void aValueMovedToAnotherRowOrPurposeDoesNotOpen() {
        String sealed = sealer.seal("sp-key", "42", "secret");

        assertThatThrownBy(() -> sealer.open("sp-key", "43", sealed)).isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("k1");
        assertThatThrownBy(() -> sealer.open("webhook-secret", "42", sealed)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = sealer.seal("p", "1", "secret");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> sealer.open("p", "1", altered)).isInstanceOf(SealedSecretException.class);
        assertThatThrownBy(() -> sealer.open("p", "1", "s1.k1.AAAA")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> sealer.open("p", "1", "plain text")).hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> sealer.open("p", "1", "s1.k1.***")).hasMessageContaining("base64url");
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String old = sealer.seal("p", "1", "secret");
        SecretSealer rotated = new SecretSealer(new KeyEncryptionKeys(List.of(K2, K1)));

        assertThat(rotated.openText("p", "1", old)).isEqualTo("secret");
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.seal("p", "1", "secret")).startsWith("s1.k2.");
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredSaysWhichKeyIsMissing() {
        String old = sealer.seal("p", "1", "secret");
        SecretSealer withoutK1 = new SecretSealer(new KeyEncryptionKeys(List.of(K2)));

        assertThatThrownBy(() -> withoutK1.open("p", "1", old)).isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("'k1', which is not configured").hasMessageContaining("k2");
    }
}
