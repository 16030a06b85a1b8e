package io.gatehouse.scim.core.resource;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.expand;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Table tests for {@link UserResources#normalize}: exact stored JSON or exact scimType and detail. */
class UserResourcesTest {

    static ObjectNode normalize(String body) {
        return UserResources.normalize(json(body));
    }

    @Test
    void normalizesTheEntraCreateUserRequest() {
        // Part A item 1 of the Entra reference: client meta and an empty roles array are dropped.
        ObjectNode stored = normalize("""
                {"schemas":["%USER%","%ENT%"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                 "active":true,
                 "emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""");
        assertThat(stored).isEqualTo(json("""
                {"schemas":["%USER%"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "active":true,
                 "emails":[{"value":"Test_User_11bb11bb@testuser.com","type":"work","primary":true}]}"""));
        assertThat(stored.propertyNames()).containsExactly("schemas", "externalId", "userName", "name", "active", "emails");
    }

    @Test
    void dropsNullsMalformedSchemaUrnsAndClientMeta() {
        // Part A item 19: explicit nulls and the malformed URN "...:2.0User" from Microsoft's sample.
        ObjectNode stored = normalize("""
                {"schemas":["%USER%","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
                 "externalId":"jyoung","userName":"jyoung@testuser.com","active":true,"addresses":null,
                 "displayName":"Joy Young","emails":[{"type":"work","value":"jyoung@Contoso.com","primary":true}],
                 "meta":{"resourceType":"User"},"name":{"familyName":"Young","givenName":"Joy"},
                 "phoneNumbers":null,"preferredLanguage":null,"title":null,"department":null,"manager":null}""");
        assertThat(stored).isEqualTo(json("""
                {"schemas":["%USER%"],"externalId":"jyoung","userName":"jyoung@testuser.com",
                 "name":{"familyName":"Young","givenName":"Joy"},"displayName":"Joy Young","active":true,
                 "emails":[{"value":"jyoung@Contoso.com","type":"work","primary":true}]}"""));
    }

    static Stream<Arguments> booleanStrings() {
        return Stream.of(
                Arguments.of("'active':'False'", "/active", "false"),
                Arguments.of("'active':'FALSE'", "/active", "false"),
                Arguments.of("'active':'True'", "/active", "true"),
                Arguments.of("'active':' true '", "/active", "true"),
                Arguments.of("'active':false", "/active", "false"),
                Arguments.of("'roles':[{'primary':'True','display':'Admin','value':'a','type':'WindowsAzureActiveDirectoryRole'}]",
                        "/roles", "[{'value':'a','display':'Admin','type':'WindowsAzureActiveDirectoryRole','primary':true}]"),
                Arguments.of("'emails':[{'value':'a@x','primary':'false'}]", "/emails", "[{'value':'a@x','primary':false}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("booleanStrings")
    void storesFalseStringAsBooleanFalse(String property, String pointer, String expected) {
        assertThat(normalize("{'userName':'u'," + property + "}").at(pointer)).isEqualTo(json(expected));
    }

    @Test
    void readsAttributeNamesInAnyCaseAndStoresCanonicalNames() {
        assertThat(normalize("{'USERNAME':'u','Name':{'GIVENNAME':'G'},'EMAILS':[{'Value':'e@x','TYPE':'work'}],"
                + "'%ENT%':{'Department':'D'},'active':true}"))
                .isEqualTo(json("{'schemas':['%USER%','%ENT%'],'userName':'u','name':{'givenName':'G'},'active':true,"
                        + "'emails':[{'value':'e@x','type':'work'}],'%ENT%':{'department':'D'}}"));
    }

    static Stream<Arguments> roleStrings() {
        return Stream.of(
                Arguments.of("\"[{\\\"value\\\":\\\"Admin\\\",\\\"primary\\\":\\\"True\\\"}]\"", "[{'value':'Admin','primary':true}]"),
                Arguments.of("\"{\\\"value\\\":\\\"Admin\\\"}\"", "[{'value':'Admin'}]"),
                Arguments.of("\"[]\"", null),
                Arguments.of("[]", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleStrings")
    void parsesRolesSentAsJsonString(String roles, String expected) {
        JsonNode stored = normalize("{'userName':'u','roles':" + roles + "}");
        if (expected == null) {
            assertThat(stored.has("roles")).isFalse();
        } else {
            assertThat(stored.get("roles")).isEqualTo(json(expected));
        }
    }

    static Stream<Arguments> managerShapes() {
        return Stream.of(
                Arguments.of("{'value':'m1'}", "{'value':'m1'}"),
                Arguments.of("'m1'", "{'value':'m1'}"),
                Arguments.of("[{'$ref':'https://h/Users/m1','value':'m1'}]", "{'value':'m1'}"),
                Arguments.of("{'value':'m1','displayName':'Boss','$ref':'../Users/m1'}", "{'value':'m1'}"),
                Arguments.of("{'VALUE':'not-provisioned-yet'}", "{'value':'not-provisioned-yet'}"),
                Arguments.of("''", null),
                Arguments.of("{'value':''}", null),
                Arguments.of("null", null),
                Arguments.of("[]", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managerShapes")
    void storesManagerAsValueObjectUnderTheEnterpriseUrn(String manager, String expected) {
        ObjectNode stored = normalize("{'userName':'u','%ENT%':{'manager':" + manager + "}}");
        if (expected == null) {
            assertThat(stored).isEqualTo(json("{'schemas':['%USER%'],'userName':'u','active':true}"));
        } else {
            assertThat(stored).isEqualTo(json("{'schemas':['%USER%','%ENT%'],'userName':'u','active':true,"
                    + "'%ENT%':{'manager':" + expected + "}}"));
        }
    }

    @Test
    void acceptsEnterpriseAttributesAsUrnQualifiedOrBareTopLevelKeys() {
        assertThat(normalize("{'userName':'u','%ENT%:employeeNumber':'42','department':'D','manager':'m'}"))
                .isEqualTo(json("{'schemas':['%USER%','%ENT%'],'userName':'u','active':true,"
                        + "'%ENT%':{'employeeNumber':'42','department':'D','manager':{'value':'m'}}}"));
    }

    @Test
    void defaultsActiveToTrue() {
        assertThat(normalize("{'userName':'u'}")).isEqualTo(json("{'schemas':['%USER%'],'userName':'u','active':true}"));
    }

    @Test
    void ignoresReadOnlyWriteOnlyAndUnknownAttributes() {
        assertThat(normalize("{'schemas':['urn:junk',5],'id':'client-id','meta':{'created':'x'},'groups':[{'value':'g'}],"
                + "'password':'secret','unknownAttr':{'a':1},'urn:example:ext:2.0:User:x':'y','userName':'u'}"))
                .isEqualTo(json("{'schemas':['%USER%'],'userName':'u','active':true}"));
    }

    @Test
    void keepsServerOwnedIdAndMetaWhenTheCallerPassesThem() {
        ObjectNode stored = UserResources.normalize(json("{'userName':'u','id':'client'}"), json("'srv'"),
                json("{'resourceType':'User'}"));
        assertThat(stored.propertyNames()).containsExactly("schemas", "id", "userName", "active", "meta");
        assertThat(stored.get("id")).isEqualTo(json("'srv'"));
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", "invalidValue", "Attribute 'userName' is required and must not be blank"),
                Arguments.of("{'userName':''}", "invalidValue", "Attribute 'userName' is required and must not be blank"),
                Arguments.of("{'userName':'  '}", "invalidValue", "Attribute 'userName' is required and must not be blank"),
                Arguments.of("{'userName':null}", "invalidValue", "Attribute 'userName' is required and must not be blank"),
                Arguments.of("{'userName':5}", "invalidValue", "Attribute 'userName' must be a string but was a number"),
                Arguments.of("{'userName':'u','active':5}", "invalidValue", "Attribute 'active' must be a boolean but was a number"),
                Arguments.of("{'userName':'u','active':'yes'}", "invalidValue",
                        "Attribute 'active' must be a boolean but was a string"),
                Arguments.of("{'userName':'u','emails':{'value':'a@x'}}", "invalidValue",
                        "Attribute 'emails' must be an array but was an object"),
                Arguments.of("{'userName':'u','emails':[{'value':5}]}", "invalidValue",
                        "Attribute 'emails[0].value' must be a string but was a number"),
                Arguments.of("{'userName':'u','emails':[{'value':'a','primary':true},{'value':'b','primary':'True'}]}",
                        "invalidValue", "Attribute 'emails' has more than one primary value"),
                Arguments.of("{'userName':'u','name':'Ann'}", "invalidValue", "Attribute 'name' must be an object but was a string"),
                Arguments.of("{'userName':'u','roles':'Admin'}", "invalidValue", "Attribute 'roles' must be an array but was a string"),
                Arguments.of("{'userName':'u','roles':'[oops'}", "invalidValue",
                        "Attribute 'roles' is a string that is not valid JSON"),
                Arguments.of("{'userName':'u','%ENT%':'x'}", "invalidValue",
                        "Attribute '%ENT%' must be an object but was a string"),
                Arguments.of("{'userName':'u','manager':[{'value':'a'},{'value':'b'}]}", "invalidValue",
                        "Attribute '%ENT%:manager' takes a single manager"),
                Arguments.of("{'userName':'u','manager':{'value':7}}", "invalidValue",
                        "Attribute '%ENT%:manager.value' must be a string id but was a number"),
                Arguments.of("{'userName':'u','emails.value':'a@x'}", "invalidValue",
                        "Attribute 'emails.value' names a sub-attribute of a multi-valued attribute; send the whole 'emails' array"),
                Arguments.of("[]", "invalidSyntax", "A User must be a JSON object"),
                Arguments.of("'u'", "invalidSyntax", "A User must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsInvalidBodiesWithAPreciseDetail(String body, String scimType, String detail) {
        assertScimError(() -> normalize(body), scimType, expand(detail));
    }

    @Test
    void readsDottedSubAttributeKeys() {
        assertThat(normalize("{'userName':'u','name':{'givenName':'A'},'name.familyName':'B','%ENT%:manager.value':'m'}"))
                .isEqualTo(json("{'schemas':['%USER%','%ENT%'],'userName':'u','name':{'familyName':'B','givenName':'A'},"
                        + "'active':true,'%ENT%':{'manager':{'value':'m'}}}"));
    }
}
