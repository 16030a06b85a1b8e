package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.scim.core.ScimException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filter text to exact SQL and parameters for the Groups mapping. */
class GroupFilterCompilationTest {

    private static final UUID GROUP = UUID.fromString("e9e30dba-f08f-4109-8486-d5c6a331660a");
    private static final UUID USER = UUID.fromString("2819c223-7f76-453a-919d-413861904646");

    private final SqlFilterCompiler compiler = new SqlFilterCompiler(FilterMappings.groups());

    @Test
    void compilesMembershipCheckOfEntraIntoOneIndexedQuery() {
        SqlFragment fragment = compiler.compile("id eq \"" + GROUP + "\" and members eq \"" + USER + "\"");

        assertThat(fragment.sql()).isEqualTo(
                "(g.id = ? AND EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id AND m.user_id = ?))");
        assertThat(fragment.params()).containsExactly(GROUP, USER);
    }

    @Test
    void compilesMembersValueAndValuePathLikeMembers() {
        String exists = "EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id AND m.user_id = ?)";
        assertThat(compiler.compile("members.value eq \"" + USER + "\"").sql()).isEqualTo(exists);
        assertThat(compiler.compile("members[value eq \"" + USER + "\"]").sql()).isEqualTo(exists);
        assertThat(compiler.compile("members pr").sql())
                .isEqualTo("EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id)");
    }

    @Test
    void matchesRandomGuidMemberAsEmptyNotError() {
        SqlFragment fragment = compiler.compile("id eq \"" + GROUP + "\" and members eq \"u1\"");
        assertThat(fragment.sql()).isEqualTo("(g.id = ? AND 1=0)");
        assertThat(fragment.params()).containsExactly(GROUP);
    }

    @Test
    void comparesDisplayNameThroughIndexedLowercaseColumn() {
        SqlFragment fragment = compiler.compile("displayName eq \"Sales Team\"");
        assertThat(fragment.sql()).isEqualTo("g.display_name_ci = ?");
        assertThat(fragment.params()).isEqualTo(List.of("sales team"));
        assertThat(compiler.compile("urn:ietf:params:scim:schemas:core:2.0:Group:displayName sw \"S\"").sql())
                .isEqualTo("g.display_name_ci LIKE ? ESCAPE '\\'");
    }

    @Test
    void rejectsMemberAttributesThatAreNotStored() {
        for (String filter : List.of("members.display eq \"Bob\"", "members[type eq \"User\"]",
                "members.$ref pr", "members co \"x\"", "userName eq \"x\"",
                "urn:ietf:params:scim:schemas:core:2.0:User:displayName eq \"x\"")) {
            assertThatThrownBy(() -> compiler.compile(filter)).as(filter)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        }
    }
}
