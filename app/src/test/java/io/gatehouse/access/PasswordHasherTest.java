package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Few iterations: these tests are about the format and comparison, not the cost. */
    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void productionSettingsAreAtLeastTheRequiredStrength() {
        PasswordHasher.Hashed hashed = new PasswordHasher().hash("correct horse battery staple");

        assertThat(hashed.algorithm()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(hashed.iterations()).isGreaterThanOrEqualTo(PasswordHasher.MIN_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        PasswordHasher.Hashed hashed = fast.hash("correct horse battery staple");

        assertThat(fast.verify("correct horse battery staple", hashed)).isTrue();
        assertThat(fast.verify("correct horse battery stapl", hashed)).isFalse();
        assertThat(fast.verify("", hashed)).isFalse();
    }

    @Test
    void saltsEveryHashDifferently() {
        PasswordHasher.Hashed a = fast.hash("same password here");
        PasswordHasher.Hashed b = fast.hash("same password here");

        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void verifiesWithTheStoredIterationsSoTheyCanBeRaisedLater() {
        PasswordHasher.Hashed old = new PasswordHasher(2_000).hash("an older password");

        assertThat(fast.verify("an older password", old)).isTrue();
    }

    @Test
    void composedAndDecomposedAccentsAreTheSamePassword() {
        PasswordHasher.Hashed hashed = fast.hash("caf\u00e9 au lait, s'il vous pla\u00eet");

        assertThat(fast.verify("cafe\u0301 au lait, s'il vous plai\u0302t", hashed)).isTrue();
    }

    @Test
    void unknownAlgorithmNeverVerifies() {
        PasswordHasher.Hashed hashed = fast.hash("correct horse battery staple");
        PasswordHasher.Hashed other = new PasswordHasher.Hashed("MD5", hashed.iterations(), hashed.salt(),
                hashed.hash());

        assertThat(fast.verify("correct horse battery staple", other)).isFalse();
        assertThat(hashed.toString()).doesNotContain(hashed.hash()).doesNotContain(hashed.salt());
    }
}
