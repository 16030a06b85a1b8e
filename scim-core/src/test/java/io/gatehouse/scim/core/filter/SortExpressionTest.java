package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatehouse.scim.core.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** sortBy (RFC 7644 section 3.4.2.3) to ORDER BY expressions; unknown or multi-valued is invalidValue. */
class SortExpressionTest {

    private final SqlFilterCompiler users = new SqlFilterCompiler(FilterMappings.users());
    private final SqlFilterCompiler groups = new SqlFilterCompiler(FilterMappings.groups());

    @ParameterizedTest
    @CsvSource({
            "userName, u.user_name_ci",
            "USERNAME, u.user_name_ci",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName, u.user_name_ci",
            "displayName, LOWER(u.display_name)",
            "externalId, u.external_id",
            "id, u.id",
            "active, u.active",
            "name.familyName, LOWER(u.name_family_name)",
            "meta.created, u.created_at",
            "meta.lastModified, u.last_modified_at",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department, LOWER(u.department)",
            "manager.value, u.manager_id"})
    void sortsUsersBySingularAttributesTheWayTheyAreFiltered(String sortBy, String expression) {
        assertThat(users.sortExpression(sortBy)).isEqualTo(expression);
    }

    @ParameterizedTest
    @CsvSource({"displayName, g.display_name_ci", "externalId, g.external_id", "id, g.id",
            "meta.created, g.created_at", "meta.lastModified, g.last_modified_at"})
    void sortsGroupsBySingularAttributes(String sortBy, String expression) {
        assertThat(groups.sortExpression(sortBy)).isEqualTo(expression);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nosuch", "emails", "emails.value", "groups", "name", "emails[type eq \"work\"]",
            "userName eq \"x\"", "u.user_name; DROP TABLE app_user", "urn:ietf:params:scim:schemas:core:2.0:User:department",
            "(", "\""})
    void rejectsUnknownOrMultiValuedSortByWithInvalidValue(String sortBy) {
        Throwable thrown = catchThrowable(() -> users.sortExpression(sortBy));
        assertThat(thrown).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo("invalidValue");
        });
    }
}
