package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void keepsTheAddressAsGivenWithoutSurroundingSpaces() {
        assertThat(EmailAddress.normalize("  Ada.Admin+it@Contoso.example ")).isEqualTo("Ada.Admin+it@Contoso.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "@contoso.test", "ada@", "ada@contoso", "ada@@contoso.test", "a da@contoso.test",
            "ada@contoso..test", "ada@.contoso.test", "ada@contoso.test.", "<ada@contoso.test>", "ada\u0000@contoso.test"})
    void rejectsWhatIsNotAPlainAddress(String email) {
        assertThatThrownBy(() -> EmailAddress.normalize(email)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMissingAndOverlongAddresses() {
        assertThatThrownBy(() -> EmailAddress.normalize(null)).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> EmailAddress.normalize("a".repeat(60) + "@" + "b".repeat(200) + ".test"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
