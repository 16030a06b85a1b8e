package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.scim.core.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad or unsupported filter is 400 invalidFilter (RFC 7644 section 3.12), never anything else. */
class InvalidFilterTest {

    private final SqlFilterCompiler users = new SqlFilterCompiler(FilterMappings.users());

    private ScimException rejection(String filter) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> users.compile(filter));
        assertThat(thrown).as(filter).isInstanceOf(ScimException.class);
        ScimException e = (ScimException) thrown;
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo("invalidFilter");
        return e;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "(", ")", "userName", "userName eq", "userName eq \"x", "userName eq \"x\" and",
            "userName eq \"x\" or", "userName eq \"x\")", "(userName eq \"x\"", "userName xx \"x\"",
            "userName eq \"a\" xor title pr", "not userName pr", "and", "\"x\" eq userName", "userName eq 'x'",
            "userName eq {\"a\":1}", "userName eq [1]", "emails[type eq \"work\"", "emails[type eq \"work\"]]",
            "emails[type[value eq \"x\"] eq \"y\"]", "userName  eq  \"x\" ]",
            "userName\teq\t\"x\"", "userName eq\"x\"", "userName pr pr", "[]", "emails[]", "not ()"})
    void rejectsMalformedSyntaxWithInvalidFilter(String filter) {
        rejection(filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch eq \"x\"", "name eq \"x\"", "name.nosuch eq \"x\"", "meta.version eq \"x\"",
            "emails.nosuch eq \"x\"", "password eq \"x\"", "groups.display eq \"x\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"x\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:department eq \"x\"", "urn:foo:bar eq \"x\"",
            "nosuch[value eq \"x\"]", "name[nosuch eq \"x\"]", "emails[nosuch eq \"x\"]", "userName[value eq \"x\"]",
            "name.givenName.x eq \"y\""})
    void rejectsUnknownAttributeWithInvalidFilter(String filter) {
        assertThat(rejection(filter).detail()).contains("attribute");
    }

    @Test
    void namesTheUnknownAttributeInTheDetail() {
        assertThat(rejection("emails[type eq \"work\" and fax eq \"1\"]").detail()).contains("emails.fax");
        assertThat(rejection("costCentre eq \"1\"").detail()).contains("costCentre");
    }

    @ParameterizedTest
    @ValueSource(strings = {"active co \"t\"", "active sw \"t\"", "active gt true", "active eq \"yes\"",
            "active eq 1", "emails[primary co \"t\"]", "meta.created co \"2020\"", "meta.created eq \"yesterday\"",
            "meta.created gt 12", "meta.created eq true", "id co \"a\"", "id gt \"a\"", "groups sw \"a\"",
            "userName gt null", "userName co null", "addresses eq \"x\"", "userName eq \"a\u0000b\""})
    void rejectsOperatorsAndValuesThatDoNotFitTheAttributeType(String filter) {
        rejection(filter);
    }

    @Test
    void rejectsNestedValueFilters() {
        rejection("emails[value pr and emails[type eq \"x\"]]");
        rejection("emails[name[givenName pr]]");
        rejection("name[emails[type eq \"x\"]]");
    }

    @Test
    void rejectsFiltersLongerThanTheLimit() {
        String filter = "userName eq \"" + "x".repeat(FilterText.MAX_LENGTH) + "\"";
        assertThat(rejection(filter).detail()).contains(String.valueOf(FilterText.MAX_LENGTH));
    }

    @Test
    void rejectsFiltersNestedDeeperThanTheLimit() {
        int depth = FilterText.MAX_NESTING + 1;
        rejection("(".repeat(depth) + "userName pr" + ")".repeat(depth));
        rejection("not (".repeat(depth) + "userName pr" + ")".repeat(depth));
        // at the limit it still works
        int ok = FilterText.MAX_NESTING;
        assertThat(users.compile("(".repeat(ok) + "userName pr" + ")".repeat(ok)).sql()).isEqualTo("u.user_name <> ''");
    }

    @Test
    void rejectsFiltersWithMoreTermsThanTheLimit() {
        String tooMany = String.join(" or ", java.util.Collections.nCopies(SqlTranslation.MAX_TERMS + 1, "title pr"));
        assertThat(rejection(tooMany).detail()).contains(String.valueOf(SqlTranslation.MAX_TERMS));
        String atLimit = String.join(" or ", java.util.Collections.nCopies(SqlTranslation.MAX_TERMS, "title pr"));
        assertThat(users.compile(atLimit).sql()).startsWith("(");
    }

    @Test
    void doesNotLeakParserInternalsInTheDetail() {
        assertThat(rejection("userName eq {\"a\":1}").detail()).doesNotContain("Exception", "tools.jackson");
        assertThat(rejection("userName eq").detail()).doesNotContain("\n");
    }

    @Test
    void neverReturnsNullFragment() {
        assertThatThrownBy(() -> users.compile(null)).isInstanceOf(ScimException.class);
        assertThat(users.compile("userName pr")).isNotNull();
    }
}
