package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "twelve chars", "Pässwörd 1234", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔐"})
    void acceptsLongEnoughPasswords(String password) {
        assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "eleven char", "aaaaaaaaaaaaaaaa", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑"})
    void rejectsShortOrOneCharacterPasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password)).isInstanceOf(PasswordRejectedException.class);
    }

    @Test
    void rejectsMissingAndAbsurdlyLongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check(null)).isInstanceOf(PasswordRejectedException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("ab".repeat(129)))
                .isInstanceOf(PasswordRejectedException.class).hasMessageContaining("at most 256");
    }
}
