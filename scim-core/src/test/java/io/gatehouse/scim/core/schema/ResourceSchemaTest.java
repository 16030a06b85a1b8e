package io.gatehouse.scim.core.schema;

import static io.gatehouse.scim.core.schema.TestJson.expand;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Canonical attribute-name lookup (RFC 7643 section 2.1: names are case-insensitive). */
class ResourceSchemaTest {

    static Stream<Arguments> userNames() {
        return Stream.of(
                Arguments.of("userName", "userName"),
                Arguments.of("USERNAME", "userName"),
                Arguments.of(" userName ", "userName"),
                Arguments.of("name.GIVENNAME", "name.givenName"),
                Arguments.of("Emails.Value", "emails.value"),
                Arguments.of("%USER%:userName", "userName"),
                Arguments.of("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.familyName", "name.familyName"),
                Arguments.of("%ENT%:manager", "%ENT%:manager"),
                Arguments.of("urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user:Manager.Value", "%ENT%:manager.value"),
                Arguments.of("manager", "%ENT%:manager"),
                Arguments.of("department", "%ENT%:department"),
                Arguments.of("id", "id"),
                Arguments.of("meta.lastModified", "meta.lastModified"),
                Arguments.of("externalId", "externalId"),
                Arguments.of("groups.$ref", "groups.$ref"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNames")
    void resolvesUserAttributeNamesToCanonicalNames(String name, String canonical) {
        assertThat(ScimSchemas.USER_RESOURCE.resolve(expand(name)).map(AttributeRef::canonicalName))
                .contains(expand(canonical));
    }

    static Stream<String> unknownNames() {
        return Stream.of("", "  ", "nope", "name.nope", "userName.x", "name.givenName.x", "password",
                "urn:ietf:params:scim:schemas:extension:other:2.0:User:department", "%GROUP%:displayName",
                "%ENT%:userName", "%ENT%", "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:department");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("unknownNames")
    void doesNotResolveUnknownOrForeignNames(String name) {
        assertThat(ScimSchemas.USER_RESOURCE.resolve(expand(name))).isEmpty();
    }

    @Test
    void resolvesGroupAttributes() {
        assertThat(ScimSchemas.GROUP_RESOURCE.resolve("MEMBERS.value").map(AttributeRef::canonicalName)).contains("members.value");
        assertThat(ScimSchemas.GROUP_RESOURCE.resolve(expand("%GROUP%:displayName")).map(AttributeRef::canonicalName))
                .contains("displayName");
        assertThat(ScimSchemas.GROUP_RESOURCE.resolve("userName")).isEmpty();
    }

    @Test
    void declaresTheRfc7643Characteristics() {
        AttributeDefinition userName = UserSchema.CORE.attribute("username").orElseThrow();
        assertThat(userName.required()).isTrue();
        assertThat(userName.caseExact()).isFalse();
        assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(ScimSchemas.ID.returned()).isEqualTo(Returned.ALWAYS);
        assertThat(ScimSchemas.ID.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(UserSchema.CORE.attribute("groups").orElseThrow().isReadOnly()).isTrue();
        assertThat(UserSchema.CORE.attribute("emails").orElseThrow().multiValued()).isTrue();
        AttributeDefinition manager = UserSchema.ENTERPRISE.attribute("manager").orElseThrow();
        assertThat(manager.subAttribute("displayName").orElseThrow().isReadOnly()).isTrue();
        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();
        assertThat(members.subAttribute("value").orElseThrow().mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(members.subAttribute("value").orElseThrow().caseExact()).isTrue();
        assertThat(UserSchema.CORE.attribute("password")).isEmpty();
    }
}
