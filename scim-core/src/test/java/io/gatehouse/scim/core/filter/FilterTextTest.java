package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.scim.core.ScimException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-parse rewrite of Entra's unquoted values; everything already valid passes unchanged. */
class FilterTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "externalId eq jyoung                    | externalId eq \"jyoung\"",
            "userName eq john@x.com                  | userName eq \"john@x.com\"",
            "(userName eq john@x.com)                | (userName eq \"john@x.com\")",
            "emails[value eq a@b.c]                  | emails[value eq \"a@b.c\"]",
            "active eq True                          | active eq \"True\"",
            "externalId eq 007                       | externalId eq \"007\"",
            "externalId eq a\\b                      | externalId eq \"a\\\\b\"",
            "userName eq x and externalId ne y       | userName eq \"x\" and externalId ne \"y\"",
            "not(userName Eq x) OR title pr          | not(userName Eq \"x\") OR title pr"})
    void quotesBareWordValues(String input, String expected) {
        assertThat(FilterText.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"john doe\"",
            "userName eq \"a \\\" eq b\"",
            "active eq true",
            "active eq false",
            "externalId eq null",
            "externalId eq 12345",
            "externalId eq -1.5e3",
            "emails[type eq \"work\" and value co \"@x.com\"]",
            "title pr and not (userName sw \"a\")",
            "userName eq \"x\" and externalId eq",
            "userName eq \"unterminated",
            "userName eq 'single-quoted'",
            "userName eq {\"a\":1}",
            "userName eq \"(not [a] bracket\""})
    void leavesQuotedValuesLiteralsAndNumbersUnchanged(String input) {
        assertThat(FilterText.normalize(input)).isEqualTo(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emails[type eq \"work\"", "(title pr", "title pr)", "emails[type eq \"w\")",
            "(emails[type eq \"w\")]", "]title pr["})
    void rejectsUnbalancedParenthesesAndBrackets(String input) {
        assertThatThrownBy(() -> FilterText.normalize(input))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }
}
