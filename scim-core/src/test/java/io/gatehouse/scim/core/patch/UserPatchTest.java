package io.gatehouse.scim.core.patch;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.expand;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static io.gatehouse.scim.core.schema.TestJson.object;
import static io.gatehouse.scim.core.schema.TestJson.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.schema.TestJson;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Table tests for {@link UserPatch}. Every row is one PATCH request against {@link #STORED}; the
 * expectations are exact JSON values at a JSON pointer of the result, or an exact scimType.
 */
class UserPatchTest {

    static final String STORED = """
            {'schemas':['%USER%','%ENT%'],'id':'u1','externalId':'ext1','userName':'bjensen@example.com',
             'name':{'formatted':'Barbara Jensen','familyName':'Jensen','givenName':'Barbara'},
             'displayName':'Babs','active':true,
             'emails':[{'value':'bjensen@example.com','type':'work','primary':true},
                       {'value':'babs@home.example','type':'home'}],
             '%ENT%':{'department':'Sales','manager':{'value':'m1'}},
             'meta':{'resourceType':'User','created':'2024-01-01T00:00:00Z','lastModified':'2024-01-01T00:00:00Z'}}
            """;

    static ObjectNode stored() {
        return object(STORED);
    }

    static ObjectNode apply(String operations) {
        return UserPatch.apply(stored(), patch(operations));
    }

    /** The value at a JSON pointer where "/%ENT%" stands for the enterprise extension object. */
    static JsonNode at(JsonNode node, String pointer) {
        return node.at(JsonPointer.compile(expand(pointer)));
    }

    static void assertAt(String operations, String pointer, String expectedJson) {
        JsonNode actual = at(apply(operations), pointer);
        if (expectedJson == null) {
            assertThat(actual.isMissingNode()).as("%s is absent, was %s", pointer, actual).isTrue();
        } else {
            assertThat(actual).as(pointer).isEqualTo(json(expectedJson));
        }
    }

    static Stream<Arguments> opNames() {
        return Stream.of(
                Arguments.of("{'op':'Replace','path':'displayName','value':'B'}", "/displayName", "'B'"),
                Arguments.of("{'op':'Add','path':'nickName','value':'Babs'}", "/nickName", "'Babs'"),
                Arguments.of("{'op':'Remove','path':'displayName'}", "/displayName", null),
                Arguments.of("{'op':'REPLACE','path':'title','value':'CEO'}", "/title", "'CEO'"),
                Arguments.of("{'op':'add','path':'title','value':'CEO'}", "/title", "'CEO'"),
                Arguments.of("{'OP':'replace','PATH':'title','VALUE':'CEO'}", "/title", "'CEO'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opNames")
    void acceptsCapitalisedOpNamesAsEntraSendsThem(String operation, String pointer, String expected) {
        assertAt(operation, pointer, expected);
    }

    static Stream<Arguments> booleanStrings() {
        return Stream.of(
                Arguments.of("{'op':'Replace','path':'active','value':'False'}", "/active", "false"),
                Arguments.of("{'op':'Replace','path':'active','value':'false'}", "/active", "false"),
                Arguments.of("{'op':'Replace','path':'active','value':'FALSE'}", "/active", "false"),
                Arguments.of("{'op':'replace','path':'active','value':false}", "/active", "false"),
                Arguments.of("{'op':'replace','value':{'active':'False'}}", "/active", "false"),
                Arguments.of("[{'op':'replace','path':'active','value':false},{'op':'Replace','path':'active','value':'True'}]"
                        .replace("[", "").replace("]", ""), "/active", "true"),
                Arguments.of("{'op':'replace','path':'emails[type eq \"home\"].primary','value':'True'}",
                        "/emails", "[{'value':'bjensen@example.com','type':'work','primary':false},"
                                + "{'value':'babs@home.example','type':'home','primary':true}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("booleanStrings")
    void storesFalseStringAsBooleanFalse(String operation, String pointer, String expected) {
        assertAt(operation, pointer, expected);
    }

    @Test
    void appliesPathlessValuesWithPlainDottedAndUrnKeys() {
        // Entra with aadOptscim062020: one path-less replace whose keys are dotted paths or URN:attr.
        ObjectNode result = apply("""
                {'op':'replace','value':{'displayName':'Bjfe','name.givenName':'Kkom','NAME.familyName':'Unua',
                 '%ENT%:employeeNumber':'Aklq','%ENT%:department':'R&D','%ENT%:manager':'m2',
                 '%USER%:title':'Boss','%ENT%':{'costCenter':'CC1'}}}
                """);
        assertThat(result).isEqualTo(json("""
                {'schemas':['%USER%','%ENT%'],'id':'u1','externalId':'ext1','userName':'bjensen@example.com',
                 'name':{'formatted':'Barbara Jensen','familyName':'Unua','givenName':'Kkom'},
                 'displayName':'Bjfe','title':'Boss','active':true,
                 'emails':[{'value':'bjensen@example.com','type':'work','primary':true},
                           {'value':'babs@home.example','type':'home'}],
                 '%ENT%':{'employeeNumber':'Aklq','costCenter':'CC1','department':'R&D','manager':{'value':'m2'}},
                 'meta':{'resourceType':'User','created':'2024-01-01T00:00:00Z','lastModified':'2024-01-01T00:00:00Z'}}
                """));
    }

    @Test
    void replacesWorkEmailValueInPlaceAsEntraTutorialShows() {
        ObjectNode result = apply("""
                {'op':'Replace','path':'emails[type eq \"work\"].value','value':'updatedEmail@microsoft.com'},
                {'op':'Replace','path':'name.familyName','value':'updatedFamilyName'}
                """);
        assertThat(result.get("emails")).isEqualTo(json("""
                [{'value':'updatedEmail@microsoft.com','type':'work','primary':true},
                 {'value':'babs@home.example','type':'home'}]"""));
        assertThat(result.get("name")).isEqualTo(json(
                "{'formatted':'Barbara Jensen','familyName':'updatedFamilyName','givenName':'Barbara'}"));
    }

    static Stream<Arguments> valuePathsMatchingNothing() {
        return Stream.of(
                Arguments.of("{'op':'Replace','path':'emails[type eq \"other\"].value','value':'o@x.example'}", "/emails/2",
                        "{'value':'o@x.example','type':'other'}"),
                Arguments.of("{'op':'replace','path':'addresses[type eq \"work\"].locality','value':'Oslo'}", "/addresses",
                        "[{'locality':'Oslo','type':'work'}]"),
                Arguments.of("{'op':'Add','path':'phoneNumbers[type eq \"mobile\"].value','value':'555-0100'}",
                        "/phoneNumbers", "[{'value':'555-0100','type':'mobile'}]"),
                Arguments.of("{'op':'add','path':'roles[primary eq \"True\"].display','value':'Admin'}", "/roles",
                        "[{'display':'Admin','primary':true}]"),
                Arguments.of("{'op':'add','path':'ims[type eq \"xmpp\" and display eq \"chat\"]','value':{'value':'b@x'}}",
                        "/ims", "[{'value':'b@x','display':'chat','type':'xmpp'}]"),
                Arguments.of("{'op':'replace','path':'emails.display','value':'all'}", "/emails/1/display", "'all'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuePathsMatchingNothing")
    void createsWorkEmailWhenValuePathMatchesNothing(String operation, String pointer, String expected) {
        assertAt(operation, pointer, expected);
    }

    @Test
    void createsWorkEmailOnUserWithoutEmails() {
        ObjectNode bare = object("{'schemas':['%USER%'],'id':'u2','userName':'x','active':true}");
        ObjectNode result = UserPatch.apply(bare,
                patch("{'op':'Replace','path':'emails[type eq \"work\"].value','value':'w@x.example'}"));
        assertThat(result).isEqualTo(json("""
                {'schemas':['%USER%'],'id':'u2','userName':'x','active':true,
                 'emails':[{'value':'w@x.example','type':'work'}]}"""));
    }

    static Stream<Arguments> valuePathUpdates() {
        return Stream.of(
                Arguments.of("{'op':'replace','path':'emails[type eq \"WORK\"].value','value':'n@x'}", "/emails/0/value", "'n@x'"),
                Arguments.of("{'op':'replace','path':'emails[value eq \"BABS@HOME.EXAMPLE\"].type','value':'other'}",
                        "/emails/1/type", "'other'"),
                Arguments.of("{'op':'replace','path':'emails[primary eq true].display','value':'main'}",
                        "/emails/0/display", "'main'"),
                Arguments.of("{'op':'replace','path':'emails[type eq \"work\" or type eq \"home\"].display','value':'d'}",
                        "/emails", "[{'value':'bjensen@example.com','display':'d','type':'work','primary':true},"
                                + "{'value':'babs@home.example','display':'d','type':'home'}]"),
                Arguments.of("{'op':'replace','path':'emails[not (type eq \"work\")].value','value':'h@x'}",
                        "/emails/1/value", "'h@x'"),
                Arguments.of("{'op':'replace','path':'emails[type eq \"home\"]','value':{'value':'h@x','type':'home'}}",
                        "/emails/1", "{'value':'h@x','type':'home'}"),
                Arguments.of("{'op':'add','path':'emails[type eq \"home\"]','value':{'display':'Home'}}",
                        "/emails/1", "{'value':'babs@home.example','display':'Home','type':'home'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuePathUpdates")
    void updatesMatchedValuesInPlaceIgnoringCaseOfNonCaseExactSubAttributes(String operation, String pointer,
                                                                            String expected) {
        assertAt(operation, pointer, expected);
    }

    static Stream<Arguments> valuePathRemovals() {
        return Stream.of(
                Arguments.of("{'op':'remove','path':'emails[type eq \"home\"]'}", "/emails",
                        "[{'value':'bjensen@example.com','type':'work','primary':true}]"),
                Arguments.of("{'op':'Remove','path':'emails[type eq \"work\" or type eq \"home\"]'}", "/emails", null),
                Arguments.of("{'op':'remove','path':'emails[type eq \"work\"].primary'}", "/emails/0",
                        "{'value':'bjensen@example.com','type':'work'}"),
                Arguments.of("{'op':'remove','path':'emails'}", "/emails", null),
                Arguments.of("{'op':'remove','path':'emails','value':[{'value':'BABS@home.example'}]}", "/emails",
                        "[{'value':'bjensen@example.com','type':'work','primary':true}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuePathRemovals")
    void removesValuesMatchedByValuePath(String operation, String pointer, String expected) {
        assertAt(operation, pointer, expected);
    }

    static Stream<String> removalsOfAbsentValues() {
        return Stream.of("{'op':'remove','path':'nickName'}",
                "{'op':'remove','path':'emails[type eq \"other\"]'}",
                "{'op':'remove','path':'%ENT%:costCenter'}",
                "{'op':'remove','path':'name.middleName'}",
                "{'op':'remove','path':'phoneNumbers[type eq \"fax\"].value'}",
                "{'op':'remove','path':'x509Certificates'}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removalsOfAbsentValues")
    void removeOfMissingAttributeIsANoOpSuccess(String operation) {
        assertThat(apply(operation)).isEqualTo(stored());
    }

    @Test
    void removeWithoutPathIsNoTarget() {
        assertScimError(() -> apply("{'op':'remove','value':{'displayName':'Babs'}}"), "noTarget");
        assertScimError(() -> apply("{'op':'remove'}"), "noTarget");
    }

    static Stream<Arguments> managerShapes() {
        return Stream.of(
                Arguments.of("{'op':'add','path':'%ENT%:manager','value':{'value':'AXTKDLNRKMKT'}}", "{'value':'AXTKDLNRKMKT'}"),
                Arguments.of("{'op':'replace','path':'%ENT%:manager','value':'m2'}", "{'value':'m2'}"),
                Arguments.of("{'op':'Add','path':'manager','value':[{'$ref':'http://h/scim/Users/m3','value':'m3'}]}",
                        "{'value':'m3'}"),
                Arguments.of("{'op':'replace','path':'%ENT%:manager.value','value':'m4'}", "{'value':'m4'}"),
                Arguments.of("{'op':'replace','value':{'%ENT%:manager':{'value':'m5','displayName':'x'}}}", "{'value':'m5'}"),
                Arguments.of("{'op':'replace','path':'%ENT%:manager','value':{'value':''}}", null),
                Arguments.of("{'op':'replace','path':'%ENT%:manager','value':''}", null),
                Arguments.of("{'op':'replace','path':'%ENT%:manager.value','value':''}", null),
                Arguments.of("{'op':'remove','path':'%ENT%:manager'}", null),
                Arguments.of("{'op':'replace','path':'manager','value':null}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managerShapes")
    void setsAndClearsManagerInEveryEntraShape(String operation, String expectedManager) {
        assertAt(operation, "/%ENT%/manager", expectedManager);
    }

    @Test
    void clearingTheLastEnterpriseAttributeDropsTheExtensionAndItsSchemaUrn() {
        ObjectNode result = apply("{'op':'remove','path':'%ENT%:manager'},{'op':'remove','path':'department'}");
        assertThat(result.has(TestJson.ENTERPRISE)).isFalse();
        assertThat(result.get("schemas")).isEqualTo(json("['%USER%']"));
    }

    static Stream<Arguments> roleShapes() {
        return Stream.of(
                Arguments.of("{'op':'Add','path':'roles','value':'[{\\\"value\\\":\\\"Admin\\\",\\\"primary\\\":\\\"True\\\"}]'}",
                        "[{'value':'Admin','primary':true}]"),
                Arguments.of("{'op':'Add','path':'roles','value':'{\\\"value\\\":\\\"Admin\\\"}'}", "[{'value':'Admin'}]"),
                Arguments.of("{'op':'Add','path':'roles','value':[{'value':'{\\\"id\\\":\\\"06b0\\\",\\\"value\\\":\\\"25\\\"}'}]}",
                        "[{'value':'{\\\"id\\\":\\\"06b0\\\",\\\"value\\\":\\\"25\\\"}'}]"),
                Arguments.of("{'op':'replace','path':'roles','value':[{'primary':false,'type':'WindowsAzureActiveDirectoryRole',"
                        + "'display':'User','value':'User'}]}",
                        "[{'value':'User','display':'User','type':'WindowsAzureActiveDirectoryRole','primary':false}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleShapes")
    void addsRolesSentAsJsonString(String operation, String expectedRoles) {
        assertAt(operation, "/roles", expectedRoles);
    }

    @Test
    void ignoresIdAndMetaInPathlessValuesAsOktaSendsThem() {
        ObjectNode result = apply("{'op':'replace','value':{'id':'evil','meta':{'created':'x'},'groups':[{'value':'g'}],"
                + "'schemas':['junk'],'unknownAttr':1,'displayName':'New'}}");
        ObjectNode expected = stored();
        expected.put("displayName", "New");
        assertThat(result).isEqualTo(expected);
    }

    static Stream<String> readOnlyPaths() {
        return Stream.of("id", "ID", "meta", "meta.created", "groups", "%ENT%:manager.displayName",
                "%USER%:id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnlyPaths")
    void rejectsExplicitPathsToReadOnlyAttributesWithMutability(String path) {
        assertScimError(() -> apply("{'op':'replace','path':'" + path + "','value':'x'}"), "mutability");
        assertScimError(() -> apply("{'op':'remove','path':'" + path + "'}"), "mutability");
    }

    static Stream<String> malformedPaths() {
        return Stream.of("emails[type eq \"work\"", "emails[type eq work].value", "emails]", "emails[type eq \"work\"]]",
                "emails[type eq \"work\"][value eq \"x\"]", "name.givenName.x", "emails[type eq \"work\"].value.x",
                "emails[type eq \"work\" and]", "emails[]", "emails[type eq \"wo", "[type eq \"work\"]",
                "emails[emails[type eq \"x\"]]", "urn:x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPaths")
    void rejectsBadPathSyntaxAsInvalidPath(String path) {
        assertScimError(() -> apply("{'op':'replace','path':'" + path + "','value':'x'}"), "invalidPath");
    }

    static Stream<String> unknownPaths() {
        return Stream.of("nope", "name.nope", "userName.sub", "urn:ietf:params:scim:schemas:extension:other:2.0:User:x",
                "%ENT%:nope", "emails[nope eq \"x\"].value", "emails[type eq \"work\"].nope",
                "displayName[value eq \"x\"]", "%USER%:department", "schemas");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownPaths")
    void rejectsUnknownAttributeInPathAsInvalidPath(String path) {
        assertScimError(() -> apply("{'op':'add','path':'" + path + "','value':'x'}"), "invalidPath");
    }

    static Stream<Arguments> wronglyTypedValues() {
        return Stream.of(
                Arguments.of("{'op':'replace','path':'active','value':5}",
                        "Operations[0]: Attribute 'active' must be a boolean but was a number"),
                Arguments.of("{'op':'replace','path':'active','value':'yes'}",
                        "Operations[0]: Attribute 'active' must be a boolean but was a string"),
                Arguments.of("{'op':'replace','path':'userName','value':5}",
                        "Operations[0]: Attribute 'userName' must be a string but was a number"),
                Arguments.of("{'op':'replace','path':'name','value':'Barbara'}",
                        "Operations[0]: Attribute 'name' must be an object but was a string"),
                Arguments.of("{'op':'add','path':'emails','value':'b@x'}",
                        "Operations[0]: Attribute 'emails' must be an array but was a string"),
                Arguments.of("{'op':'add','path':'emails[type eq \"work\"].primary','value':'maybe'}",
                        "Operations[0]: Attribute 'emails[type eq \"work\"].primary' must be a boolean but was a string"),
                Arguments.of("{'op':'replace','path':'%ENT%:manager','value':5}",
                        "Operations[0]: Attribute '%ENT%:manager' must be a string id but was a number"),
                Arguments.of("{'op':'replace','value':'Barbara'}",
                        "Operations[0]: An operation without a path needs an object of attributes as its value"
                                + " (RFC 7644 section 3.5.2.1), not a string"),
                Arguments.of("{'op':'add','path':'emails','value':[{'value':'a','primary':true},{'value':'b','primary':true}]}",
                        "Operations[0]: Attribute 'emails' has more than one primary value"),
                Arguments.of("{'op':'replace','path':'userName','value':'  '}",
                        "Attribute 'userName' is required and must not be blank"),
                Arguments.of("{'op':'remove','path':'userName'}",
                        "Attribute 'userName' is required and must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTypedValues")
    void rejectsValuesOfTheWrongTypeAsInvalidValue(String operation, String detail) {
        assertScimError(() -> apply(operation), "invalidValue", expand(detail));
    }

    @Test
    void appliesOperationsInOrderAndAllOrNone() {
        // Validator preview test "Multiple Ops on same attribute": remove, add, replace in sequence.
        ObjectNode result = apply("""
                {'op':'remove','path':'nickName'},{'op':'add','path':'nickName','value':'A'},
                {'op':'replace','path':'nickName','value':'B'},{'op':'add','path':'title','value':'T'}""");
        assertThat(result.get("nickName")).isEqualTo(json("'B'"));
        assertThat(result.get("title")).isEqualTo(json("'T'"));

        ObjectNode input = stored();
        assertScimError(() -> UserPatch.apply(input, patch(
                "{'op':'replace','path':'displayName','value':'Changed'},{'op':'replace','path':'active','value':7}")),
                "invalidValue", "Operations[1]: Attribute 'active' must be a boolean but was a number");
        assertThat(input).as("the stored user is untouched").isEqualTo(stored());
    }

    @Test
    void neverMutatesTheStoredUser() {
        ObjectNode input = stored();
        ObjectNode result = UserPatch.apply(input, patch("""
                {'op':'replace','path':'emails[type eq \"work\"].value','value':'n@x'},
                {'op':'remove','path':'name.givenName'},{'op':'replace','path':'%ENT%:department','value':'X'}"""));
        assertThat(input).isEqualTo(stored());
        assertThat(result).isNotSameAs(input);
        assertThat(at(result, "/emails/0/value")).isEqualTo(json("'n@x'"));
        assertThat(at(result, "/name")).isEqualTo(json("{'formatted':'Barbara Jensen','familyName':'Jensen'}"));
        ((ObjectNode) result.get("meta")).put("lastModified", "2025-01-01T00:00:00Z");
        assertThat(input).as("the result shares no mutable node with the input").isEqualTo(stored());
    }

    static Stream<Arguments> userNameChanges() {
        return Stream.of(
                Arguments.of("{'op':'Replace','path':'userName','value':'5b50642d@testuser.com'}"),
                Arguments.of("{'op':'replace','value':{'userName':'5b50642d@testuser.com'}}"),
                Arguments.of("{'op':'replace','value':{'USERNAME':'5b50642d@testuser.com','id':'other'}}"),
                Arguments.of("{'op':'replace','path':'%USER%:userName','value':'5b50642d@testuser.com'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNameChanges")
    void replacesUserNameAndKeepsIdAndMeta(String operation) {
        ObjectNode result = apply(operation);
        assertThat(result.get("userName")).isEqualTo(json("'5b50642d@testuser.com'"));
        assertThat(result.get("id")).isEqualTo(json("'u1'"));
        assertThat(result.get("meta")).isEqualTo(stored().get("meta"));
    }

    static Stream<Arguments> clearingValues() {
        return Stream.of(
                Arguments.of("{'op':'replace','path':'title','value':''}", "/title", "''"),
                Arguments.of("{'op':'replace','path':'displayName','value':null}", "/displayName", null),
                Arguments.of("{'op':'add','path':'displayName','value':null}", "/displayName", "'Babs'"),
                Arguments.of("{'op':'replace','value':{'displayName':null}}", "/displayName", null),
                Arguments.of("{'op':'replace','path':'name','value':{'givenName':null,'middleName':'M'}}", "/name",
                        "{'formatted':'Barbara Jensen','familyName':'Jensen','middleName':'M'}"),
                Arguments.of("{'op':'replace','path':'emails','value':[]}", "/emails", null),
                Arguments.of("{'op':'remove','path':'%ENT%'}", "/%ENT%", null),
                Arguments.of("{'op':'replace','path':'%ENT%','value':null}", "/%ENT%", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clearingValues")
    void treatsNullAsUnassignedAndKeepsEmptyStrings(String operation, String pointer, String expected) {
        assertAt(operation, pointer, expected);
    }

    @Test
    void settingPrimaryClearsItOnTheOtherValues() {
        assertAt("{'op':'add','path':'emails','value':{'value':'new@x','type':'other','primary':'True'}}", "/emails", """
                [{'value':'bjensen@example.com','type':'work','primary':false},{'value':'babs@home.example','type':'home'},
                 {'value':'new@x','type':'other','primary':true}]""");
        assertAt("{'op':'add','path':'emails','value':[{'value':'bjensen@example.com','type':'work','primary':true}]}",
                "/emails", "[{'value':'bjensen@example.com','type':'work','primary':true},"
                        + "{'value':'babs@home.example','type':'home'}]");
    }

    @Test
    void ignoresPasswordChanges() {
        assertThat(apply("{'op':'replace','path':'password','value':'s3cret'},{'op':'replace','value':{'password':'x'}}"))
                .isEqualTo(stored());
    }

    @Test
    void addsToAWholeExtensionPath() {
        assertAt("{'op':'add','path':'%ENT%','value':{'division':'D','manager':'m9'}}", "/%ENT%",
                "{'division':'D','department':'Sales','manager':{'value':'m9'}}");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{'Operations':[{'op':'add','path':'title','value':'x'}]}", "invalidSyntax"),
                Arguments.of("{'schemas':['urn:other'],'Operations':[{'op':'add','path':'title','value':'x'}]}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%']}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':[]}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':{}}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':['add']}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':[{'path':'title','value':'x'}]}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':[{'op':'move','path':'title'}]}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':[{'op':'add','path':'title'}]}", "invalidSyntax"),
                Arguments.of("{'schemas':['%PATCH%'],'Operations':[{'op':'add','path':5,'value':'x'}]}", "invalidPath"),
                Arguments.of("[]", "invalidSyntax"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void rejectsBodiesThatAreNotPatchOpMessages(String body, String scimType) {
        assertScimError(() -> UserPatch.apply(stored(), json(body)), scimType);
    }

    @Test
    void acceptsOperationsBeforeSchemasAndLowerCaseMemberNames() {
        ObjectNode result = UserPatch.apply(stored(), json(
                "{'operations':[{'op':'Replace','path':'active','value':false}],'SCHEMAS':['%PATCH%']}"));
        assertThat(result.get("active")).isEqualTo(json("false"));
    }

    @Test
    void limitsOperationsPerRequest() {
        String op = "{'op':'replace','path':'title','value':'t'}";
        String thousand = IntStream.range(0, PatchRequest.MAX_OPERATIONS).mapToObj(i -> op).collect(Collectors.joining(","));
        assertThat(apply(thousand).get("title")).isEqualTo(json("'t'"));
        assertScimError(() -> apply(thousand + "," + op), "invalidValue",
                "A PATCH request may hold at most 1000 operations but this one has 1001");
    }

    @Test
    void rejectsOverlongOrDeeplyNestedPathsCheaply() {
        String longOr = "emails[" + "type eq \"x\" or ".repeat(2_000) + "type eq \"y\"].value";
        assertScimError(() -> apply("{'op':'replace','path':'" + longOr + "','value':'v'}"), "invalidPath",
                "Operations[0]: Path is longer than 16384 characters");
        String nested = "emails[" + "not(".repeat(40) + "type eq \"x\"" + ")".repeat(40) + "].value";
        assertScimError(() -> apply("{'op':'replace','path':'" + nested + "','value':'v'}"), "invalidPath");
        String fine = "emails[" + "not(".repeat(PatchPath.MAX_NESTING) + "type eq \"work\"" + ")".repeat(PatchPath.MAX_NESTING)
                + "].value";
        assertThat(apply("{'op':'replace','path':'" + fine + "','value':'v'}").get("emails")).hasSize(2);
    }
}
