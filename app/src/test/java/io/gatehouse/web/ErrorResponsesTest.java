package io.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a refusal's log line may show of the request: printable ASCII, 200 characters at most. */
class ErrorResponsesTest {

    @Test
    void controlAndNonAsciiCharactersAreEscapedSoALogLineCannotBeForged() {
        assertThat(ErrorResponses.printable("/scim/v2/Users\r\nINFO forged\u0000\u00e9"))
                .isEqualTo("/scim/v2/Users\\x0d\\x0aINFO forged\\x00\\xe9");
    }

    @Test
    void longPathsAreCut() {
        assertThat(ErrorResponses.printable("/" + "a".repeat(5000))).hasSize(201).endsWith("…");
        assertThat(ErrorResponses.printable(null)).isEqualTo("-");
    }
}
