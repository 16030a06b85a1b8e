package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filter text to exact SQL and parameters for the Users mapping (RFC 7644 section 3.4.2.2). */
class UserFilterCompilationTest {

    private static final String EMAILS = "EXISTS (SELECT 1 FROM user_value v WHERE v.company_id = u.company_id"
            + " AND v.user_id = u.id AND v.attr = 'emails'";
    private static final String LIKE = " LIKE ? ESCAPE '\\'";

    private final SqlFilterCompiler compiler = new SqlFilterCompiler(FilterMappings.users());

    private void assertCompiles(String filter, String sql, Object... params) {
        SqlFragment fragment = compiler.compile(filter);
        assertThat(fragment.sql()).as(filter).isEqualTo(sql);
        assertThat(fragment.params()).as(filter).containsExactlyElementsOf(Arrays.asList(params));
        assertThat(fragment.sql().chars().filter(c -> c == '?').count()).as("placeholders").isEqualTo(params.length);
    }

    static Stream<Arguments> everyOperatorOnCaseInsensitiveStringWithCiColumn() {
        return Stream.of(
                Arguments.of("userName eq \"Bob\"", "u.user_name_ci = ?", "bob"),
                Arguments.of("userName ne \"Bob\"", "u.user_name_ci <> ?", "bob"),
                Arguments.of("userName co \"Bob\"", "u.user_name_ci" + LIKE, "%bob%"),
                Arguments.of("userName sw \"Bob\"", "u.user_name_ci" + LIKE, "bob%"),
                Arguments.of("userName ew \"Bob\"", "u.user_name_ci" + LIKE, "%bob"),
                Arguments.of("userName gt \"Bob\"", "u.user_name_ci > ?", "bob"),
                Arguments.of("userName ge \"Bob\"", "u.user_name_ci >= ?", "bob"),
                Arguments.of("userName lt \"Bob\"", "u.user_name_ci < ?", "bob"),
                Arguments.of("userName le \"Bob\"", "u.user_name_ci <= ?", "bob"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyOperatorOnCaseInsensitiveStringWithCiColumn(String filter, String sql, String param) {
        assertCompiles(filter, sql, param);
    }

    static Stream<Arguments> everyOperatorOnNullableStringWithoutCiColumnUsesLower() {
        return Stream.of(
                Arguments.of("displayName eq \"Ann\"", "LOWER(u.display_name) = ?", "ann"),
                Arguments.of("displayName ne \"Ann\"", "(u.display_name IS NULL OR LOWER(u.display_name) <> ?)", "ann"),
                Arguments.of("displayName co \"Ann\"", "LOWER(u.display_name)" + LIKE, "%ann%"),
                Arguments.of("displayName sw \"Ann\"", "LOWER(u.display_name)" + LIKE, "ann%"),
                Arguments.of("displayName ew \"Ann\"", "LOWER(u.display_name)" + LIKE, "%ann"),
                Arguments.of("displayName gt \"Ann\"", "LOWER(u.display_name) > ?", "ann"),
                Arguments.of("displayName ge \"Ann\"", "LOWER(u.display_name) >= ?", "ann"),
                Arguments.of("displayName lt \"Ann\"", "LOWER(u.display_name) < ?", "ann"),
                Arguments.of("displayName le \"Ann\"", "LOWER(u.display_name) <= ?", "ann"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyOperatorOnNullableStringWithoutCiColumnUsesLower(String filter, String sql, String param) {
        assertCompiles(filter, sql, param);
    }

    @Test
    void comparesCaseExactExternalIdWithoutLowercasing() {
        assertCompiles("externalId eq \"AbC\"", "u.external_id = ?", "AbC");
        assertCompiles("externalId sw \"AbC\"", "u.external_id" + LIKE, "AbC%");
    }

    @Test
    void presentMeansNonEmptyValue() {
        assertCompiles("externalId pr", "(u.external_id IS NOT NULL AND u.external_id <> '')");
        assertCompiles("userName pr", "u.user_name <> ''");
        assertCompiles("active pr", "1=1");
        assertCompiles("meta.created pr", "1=1");
    }

    @Test
    void escapesLikeWildcardsAndBackslashInTheParameter() {
        assertCompiles("userName co \"50%_off\\\\\"", "u.user_name_ci" + LIKE, "%50\\%\\_off\\\\%");
        assertCompiles("externalId ew \"a_b\"", "u.external_id" + LIKE, "%a\\_b");
    }

    @Test
    void matchesAttributeNamesCaseInsensitively() {
        assertCompiles("USERNAME EQ \"x\"", "u.user_name_ci = ?", "x");
        assertCompiles("Name.FamilyName eq \"X\"", "LOWER(u.name_family_name) = ?", "x");
        assertCompiles("EMAILS[TYPE eq \"work\"]", EMAILS + " AND LOWER(v.type) = ?)", "work");
    }

    @Test
    void acceptsSchemaUrnQualifiedAttributeNames() {
        assertCompiles("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"", "u.user_name_ci = ?", "x");
        assertCompiles("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq \"x\"",
                "LOWER(u.name_given_name) = ?", "x");
        assertCompiles("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"",
                "LOWER(u.department) = ?", "r&d");
        assertCompiles("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:employeeNumber eq \"7\"",
                "LOWER(u.employee_number) = ?", "7");
        assertCompiles("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"M1\"",
                "u.manager_id = ?", "M1");
        assertCompiles("urn:ietf:params:scim:schemas:core:2.0:User:emails.value eq \"a@x.com\"",
                EMAILS + " AND v.value_ci = ?)", "a@x.com");
    }

    @Test
    void acceptsUnquotedExternalIdValueAsEntraSendsIt() {
        assertCompiles("externalId eq jyoung", "u.external_id = ?", "jyoung");
        assertCompiles("userName eq john@x.com", "u.user_name_ci = ?", "john@x.com");
        assertCompiles("(externalId eq jyoung)", "u.external_id = ?", "jyoung");
        assertCompiles("externalId eq 12345", "u.external_id = ?", "12345");
    }

    @Test
    void acceptsBooleansAsLiteralsOrStringsInAnyCase() {
        assertCompiles("active eq true", "u.active = ?", true);
        assertCompiles("active eq \"False\"", "u.active = ?", false);
        assertCompiles("active eq True", "u.active = ?", true);
        assertCompiles("active ne \"TRUE\"", "u.active <> ?", true);
    }

    @Test
    void bindsIsoDateTimesAsOffsetDateTime() {
        assertCompiles("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "u.last_modified_at > ?",
                OffsetDateTime.of(2011, 5, 13, 4, 42, 34, 0, ZoneOffset.UTC));
        assertCompiles("meta.created le \"2011-05-13T04:42:34.5+02:00\"", "u.created_at <= ?",
                OffsetDateTime.of(2011, 5, 13, 4, 42, 34, 500_000_000, ZoneOffset.ofHours(2)));
        assertCompiles("meta.created ge \"2011-05-13T04:42:34\"", "u.created_at >= ?",
                OffsetDateTime.of(2011, 5, 13, 4, 42, 34, 0, ZoneOffset.UTC));
    }

    @Test
    void bindsUuidForIdEquality() {
        UUID id = UUID.fromString("2819c223-7f76-453a-919d-413861904646");
        assertCompiles("id eq \"2819C223-7F76-453A-919D-413861904646\"", "u.id = ?", id);
        assertCompiles("id ne \"" + id + "\"", "u.id <> ?", id);
    }

    @Test
    void matchesRandomGuidLookupAsEmptyNotError() {
        assertCompiles("id eq \"not-a-guid\"", "1=0");
        assertCompiles("id eq \"2819c223-7f76-453a-919d\"", "1=0");
        assertCompiles("id ne \"garbage\"", "1=1");
        assertCompiles("not (id eq \"garbage\")", "1=1");
        assertCompiles("groups eq \"garbage\"", "1=0");
        assertCompiles("groups ne \"garbage\"", "1=1");
    }

    @Test
    void compilesValuePathIntoSingleExistsOnSameRow() {
        assertCompiles("emails[type eq \"work\" and value co \"@x.com\"]",
                EMAILS + " AND (LOWER(v.type) = ? AND v.value_ci" + LIKE + "))", "work", "%@x.com%");
    }

    @Test
    void compilesSubAttributeAndBareMultiValuedAttributeAgainstTheValueColumn() {
        assertCompiles("emails.value eq \"A@x.com\"", EMAILS + " AND v.value_ci = ?)", "a@x.com");
        assertCompiles("emails eq \"A@x.com\"", EMAILS + " AND v.value_ci = ?)", "a@x.com");
        assertCompiles("emails.type sw \"W\"", EMAILS + " AND LOWER(v.type)" + LIKE + ")", "w%");
        assertCompiles("emails[primary eq true]", EMAILS + " AND v.is_primary = ?)", true);
        assertCompiles("phoneNumbers co \"555\"", "EXISTS (SELECT 1 FROM user_value v WHERE v.company_id = u.company_id"
                + " AND v.user_id = u.id AND v.attr = 'phoneNumbers' AND v.value_ci" + LIKE + ")", "%555%");
        assertCompiles("addresses[locality eq \"Paris\"]", "EXISTS (SELECT 1 FROM user_value v WHERE v.company_id ="
                + " u.company_id AND v.user_id = u.id AND v.attr = 'addresses' AND LOWER(v.locality) = ?)", "paris");
    }

    @Test
    void quotesTheValueColumnBecauseH2ReservesIt() {
        assertCompiles("emails.value pr", EMAILS + " AND (v.attr_value IS NOT NULL AND v.attr_value <> ''))");
    }

    @Test
    void givesEachExistsSubqueryItsOwnAlias() {
        assertCompiles("emails[type eq \"work\"] and phoneNumbers pr",
                "(" + EMAILS + " AND LOWER(v.type) = ?) AND EXISTS (SELECT 1 FROM user_value v2 WHERE v2.company_id"
                        + " = u.company_id AND v2.user_id = u.id AND v2.attr = 'phoneNumbers'))", "work");
    }

    @Test
    void multiValuedNeAndNotAreComplementsOfEq() {
        assertCompiles("emails ne \"a@x.com\"", "NOT " + EMAILS + " AND v.value_ci = ?)", "a@x.com");
        assertCompiles("not (emails[type eq \"work\"])", "NOT " + EMAILS + " AND LOWER(v.type) = ?)", "work");
        assertCompiles("emails pr", EMAILS + ")");
        assertCompiles("emails[not (type eq \"work\")]",
                EMAILS + " AND NOT (v.type IS NOT NULL AND LOWER(v.type) = ?))", "work");
    }

    @Test
    void compilesGroupsOfAUserToMembershipExists() {
        UUID group = UUID.fromString("e9e30dba-f08f-4109-8486-d5c6a331660a");
        assertCompiles("groups eq \"" + group + "\"",
                "EXISTS (SELECT 1 FROM group_member m WHERE m.user_id = u.id AND m.group_id = ?)", group);
        assertCompiles("groups.value eq \"" + group + "\"",
                "EXISTS (SELECT 1 FROM group_member m WHERE m.user_id = u.id AND m.group_id = ?)", group);
        assertCompiles("groups pr", "EXISTS (SELECT 1 FROM group_member m WHERE m.user_id = u.id)");
    }

    @Test
    void compilesComplexSingularValuePathToPlainColumns() {
        assertCompiles("name[givenName eq \"A\" and familyName pr]",
                "(LOWER(u.name_given_name) = ? AND (u.name_family_name IS NOT NULL AND u.name_family_name <> ''))", "a");
    }

    @Test
    void appliesRfcPrecedenceAndParenthesesWithAndBindingTighterThanOr() {
        assertCompiles("userName eq \"a\" or userName eq \"b\" and active eq true",
                "(u.user_name_ci = ? OR (u.user_name_ci = ? AND u.active = ?))", "a", "b", true);
        assertCompiles("(userName eq \"a\" or userName eq \"b\") and active eq true",
                "((u.user_name_ci = ? OR u.user_name_ci = ?) AND u.active = ?)", "a", "b", true);
        assertCompiles("userName eq \"a\" AND displayName eq \"b\" Or title pr",
                "((u.user_name_ci = ? AND LOWER(u.display_name) = ?) OR (u.title IS NOT NULL AND u.title <> ''))",
                "a", "b");
    }

    @Test
    void guardsNullableColumnsUnderNotSoNotIsTheExactComplement() {
        assertCompiles("not (externalId eq \"x\")", "NOT (u.external_id IS NOT NULL AND u.external_id = ?)", "x");
        assertCompiles("not (userName eq \"x\")", "NOT (u.user_name_ci = ?)", "x");
        assertCompiles("not (displayName co \"x\" or title sw \"y\")",
                "NOT ((u.display_name IS NOT NULL AND LOWER(u.display_name)" + LIKE + ") OR (u.title IS NOT NULL"
                        + " AND LOWER(u.title)" + LIKE + "))", "%x%", "y%");
        assertCompiles("not (not (nickName eq \"x\"))",
                "NOT (NOT (u.nick_name IS NOT NULL AND LOWER(u.nick_name) = ?))", "x");
    }

    @Test
    void neMatchesRowsWhereTheAttributeIsAbsent() {
        assertCompiles("title ne \"CEO\"", "(u.title IS NULL OR LOWER(u.title) <> ?)", "ceo");
        assertCompiles("externalId ne \"x\"", "(u.external_id IS NULL OR u.external_id <> ?)", "x");
    }

    @Test
    void treatsEqNullAsNotPresentAndNeNullAsPresent() {
        assertCompiles("externalId eq null", "NOT (u.external_id IS NOT NULL AND u.external_id <> '')");
        assertCompiles("externalId ne null", "(u.external_id IS NOT NULL AND u.external_id <> '')");
        assertCompiles("emails eq null", "NOT " + EMAILS + ")");
    }

    @Test
    void bindsEveryValueAsParameterNeverAsSqlText() {
        String hostile = "x' OR '1'='1\"; DROP TABLE app_user; --";
        SqlFragment fragment = compiler.compile("displayName eq \"" + hostile.replace("\"", "\\\"") + "\"");
        assertThat(fragment.sql()).isEqualTo("LOWER(u.display_name) = ?");
        assertThat(fragment.params()).isEqualTo(List.of(hostile.toLowerCase()));
    }

    @Test
    void acceptsEntrasSubAttributeComparisonAfterTheValuePath() {
        SqlFragment rewritten = compiler.compile("emails[type eq \"work\"].value eq \"A@X.com\"");
        SqlFragment rfcForm = compiler.compile("emails[(type eq \"work\") and value eq \"A@X.com\"]");

        assertThat(rewritten).isEqualTo(rfcForm);
        assertThat(rewritten.params()).containsExactly("work", "a@x.com");
    }

    @Test
    void keepsOrInsideTheValuePathWhenEntraAppendsASubAttributeComparison() {
        assertThat(compiler.compile("emails[type eq \"work\" or type eq \"home\"].value co \"@x\"").sql())
                .isEqualTo(compiler.compile("emails[(type eq \"work\" or type eq \"home\") and value co \"@x\"]").sql());
    }

    @Test
    void matchesManagerByBareAttributeAsEntrasReferenceCheckSends() {
        assertCompiles("manager eq \"Mgr-1\"", "u.manager_id = ?", "Mgr-1");
    }

    @Test
    void marksLookupsByAUniqueKeyAsMatchingAtMostOneRow() {
        assertThat(compiler.compile("userName eq \"a@x.com\"").atMostOneRow()).isTrue();
        assertThat(compiler.compile("id eq \"2819c223-7f76-453a-919d-413861904646\"").atMostOneRow()).isTrue();
        assertThat(compiler.compile("userName eq \"a@x.com\" and active eq true").atMostOneRow()).isTrue();
        assertThat(compiler.compile("userName eq \"a@x.com\" or userName eq \"b@x.com\"").atMostOneRow()).isFalse();
        assertThat(compiler.compile("userName co \"a\"").atMostOneRow()).isFalse();
        assertThat(compiler.compile("externalId eq \"e1\"").atMostOneRow()).isFalse();
        assertThat(compiler.compile("not (userName eq \"a@x.com\")").atMostOneRow()).isFalse();
        assertThat(new SqlFilterCompiler(FilterMappings.groups()).compile("displayName eq \"Sales\"").atMostOneRow())
                .isTrue();
    }
}
