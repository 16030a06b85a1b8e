package io.gatehouse.scim.core.patch;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static io.gatehouse.scim.core.schema.TestJson.object;
import static io.gatehouse.scim.core.schema.TestJson.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.patch.MemberChange.AddMembers;
import io.gatehouse.scim.core.patch.MemberChange.RemoveAllMembers;
import io.gatehouse.scim.core.patch.MemberChange.RemoveMembers;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Table tests for {@link GroupPatch}: exact member changes, exact group JSON or exact scimType. */
class GroupPatchTest {

    static final String STORED = """
            {'schemas':['%GROUP%'],'id':'g1','externalId':'8aa1a0c0','displayName':'Sales',
             'meta':{'resourceType':'Group','created':'2024-01-01T00:00:00Z','lastModified':'2024-01-01T00:00:00Z'}}
            """;

    static ObjectNode stored() {
        return object(STORED);
    }

    static GroupPatchResult apply(String operations) {
        return GroupPatch.apply(stored(), patch(operations));
    }

    static void assertChanges(String operations, MemberChange... expected) {
        GroupPatchResult result = apply(operations);
        assertThat(result.memberChanges()).containsExactly(expected);
        assertThat(result.group()).as("members never touch the group node").isEqualTo(stored());
    }

    static Stream<Arguments> memberAdditions() {
        return Stream.of(
                Arguments.of("{'op':'Add','path':'members','value':[{'$ref':null,'value':'f648f8d5ea4e4cd38e9c'}]}",
                        List.of("f648f8d5ea4e4cd38e9c")),
                Arguments.of("{'op':'add','path':'members','value':[{'value':'u1','display':'Ann'},{'value':'u2',"
                        + "'$ref':'https://h/Users/u2','type':'User'}]}", List.of("u1", "u2")),
                Arguments.of("{'op':'add','path':'members','value':['u1','u2','u1']}", List.of("u1", "u2")),
                Arguments.of("{'op':'add','path':'members','value':{'value':'u1'}}", List.of("u1")),
                Arguments.of("{'op':'add','path':'members','value':'u1'}", List.of("u1")),
                Arguments.of("{'op':'add','path':'members','value':' u1 '}", List.of("u1")),
                Arguments.of("{'op':'add','value':{'members':{'value':'u1'}}}", List.of("u1")),
                Arguments.of("{'op':'add','value':{'members':'u1'}}", List.of("u1")),
                Arguments.of("{'op':'add','path':'MEMBERS','value':[{'VALUE':'u1'}]}", List.of("u1")),
                Arguments.of("{'op':'add','path':'%GROUP%:members','value':[{'value':'u1'}]}", List.of("u1")),
                Arguments.of("{'op':'add','value':{'members':[{'value':'u1'},{'value':'u2'}]}}", List.of("u1", "u2")),
                Arguments.of("{'op':'add','path':'members','value':[{'value':'u1'}]},"
                        + "{'op':'add','path':'members','value':[{'value':'u2'}]}", List.of("u1", "u2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memberAdditions")
    void addsMembersWithNullRefDisplayAndBareStrings(String operations, List<String> ids) {
        assertChanges(operations, new AddMembers(ids));
    }

    static Stream<Arguments> valueListRemovals() {
        return Stream.of(
                Arguments.of("{'op':'Remove','path':'members','value':[{'$ref':null,'value':'f648f8d5ea4e4cd38e9c'}]}",
                        List.of("f648f8d5ea4e4cd38e9c")),
                Arguments.of("{'op':'Remove','path':'members','value':[{'value':'u1091'},{'value':'u2'}]}",
                        List.of("u1091", "u2")),
                Arguments.of("{'op':'remove','value':{'members':[{'value':'u1'}]}}", List.of("u1")),
                Arguments.of("{'op':'remove','value':{'Members':['u1','u2']}}", List.of("u1", "u2")),
                Arguments.of("{'op':'remove','value':[{'value':'u1'}]}", List.of("u1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueListRemovals")
    void removesMembersByValueArrayWithoutPath(String operation, List<String> ids) {
        assertChanges(operation, new RemoveMembers(ids));
    }

    static Stream<Arguments> filterRemovals() {
        return Stream.of(
                Arguments.of("{'op':'remove','path':'members[value eq \"7f4bc1a3-285e-48ae-8202-5accb43efb0e\"]'}",
                        List.of("7f4bc1a3-285e-48ae-8202-5accb43efb0e")),
                Arguments.of("{'op':'remove','path':'members[value eq \"a\" or value eq \"b\" or VALUE eq \"c\"]'}",
                        List.of("a", "b", "c")),
                Arguments.of("{'op':'remove','path':'members[(value eq \"a\") or (value eq \"b\")]','value':'ignored'}",
                        List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterRemovals")
    void removesMembersSelectedByValueEqFilters(String operation, List<String> ids) {
        assertChanges(operation, new RemoveMembers(ids));
    }

    @Test
    void removeMembersWithoutValueRemovesAllMembers() {
        assertChanges("{'op':'remove','path':'members'}", new RemoveAllMembers());
        assertChanges("{'op':'remove','path':'members','value':null}", new RemoveAllMembers());
        assertChanges("{'op':'remove','path':'members','value':[]}"); // a listed-nothing removal removes nothing
    }

    static Stream<Arguments> memberReplacements() {
        return Stream.of(
                Arguments.of("{'op':'replace','path':'members','value':[{'value':'u1'}]}",
                        List.of(new RemoveAllMembers(), new AddMembers(List.of("u1")))),
                Arguments.of("{'op':'replace','value':{'members':[{'value':'u1'},'u2']}}",
                        List.of(new RemoveAllMembers(), new AddMembers(List.of("u1", "u2")))),
                Arguments.of("{'op':'replace','path':'members','value':[]}", List.of(new RemoveAllMembers())),
                Arguments.of("{'op':'replace','path':'members[value eq \"old\"]','value':{'value':'new'}}",
                        List.of(new RemoveMembers(List.of("old")), new AddMembers(List.of("new")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memberReplacements")
    void replaceMembersIsRemoveAllThenAdd(String operation, List<MemberChange> expected) {
        assertThat(apply(operation).memberChanges()).isEqualTo(expected);
    }

    @Test
    void keepsMemberChangesInRequestOrderAndMergesNeighboursOfTheSameKind() {
        assertChanges("""
                {'op':'add','path':'members','value':['a']},{'op':'add','path':'members','value':['b','a']},
                {'op':'remove','path':'members[value eq \"a\"]'},{'op':'Remove','path':'members','value':[{'value':'c'}]},
                {'op':'add','path':'members','value':['a']},{'op':'replace','path':'members','value':['d']},
                {'op':'remove','path':'members'}""",
                new AddMembers(List.of("a", "b")), new RemoveMembers(List.of("a", "c")), new AddMembers(List.of("a")),
                new RemoveAllMembers(), new AddMembers(List.of("d")), new RemoveAllMembers());
    }

    static Stream<String> displayNameReplacements() {
        return Stream.of("{'op':'Replace','path':'displayName','value':'New Name'}",
                "{'op':'replace','value':{'displayName':'New Name'}}",
                "{'op':'replace','value':{'%GROUP%:displayName':'New Name'}}",
                "{'op':'add','path':'DISPLAYNAME','value':'New Name'}",
                "{'op':'replace','value':{'id':'okta-id','displayName':'New Name'}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("displayNameReplacements")
    void replacesDisplayNameWithOrWithoutPathIgnoringOktaId(String operation) {
        GroupPatchResult result = apply(operation);
        ObjectNode expected = stored();
        expected.put("displayName", "New Name");
        assertThat(result.group()).isEqualTo(expected);
        assertThat(result.memberChanges()).isEmpty();
    }

    static Stream<String> externalIdReplacements() {
        return Stream.of("{'op':'replace','path':'externalId','value':'663fa3a8'}",
                "{'op':'replace','value':{'externalId':'663fa3a8'}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("externalIdReplacements")
    void replacesExternalId(String operation) {
        ObjectNode expected = stored();
        expected.put("externalId", "663fa3a8");
        assertThat(apply(operation).group()).isEqualTo(expected);
    }

    @Test
    void oktaGroupPushChangesNameAndMembersInOneRequest() {
        GroupPatchResult result = apply("{'op':'replace','value':{'id':'g1','displayName':'Eng'}},"
                + "{'op':'add','path':'members','value':[{'value':'u9','display':'u9@x'}]}");
        assertThat(result.group().get("displayName")).isEqualTo(json("'Eng'"));
        assertThat(result.memberChanges()).containsExactly(new AddMembers(List.of("u9")));
    }

    static Stream<Arguments> unsupportedMemberOperations() {
        return Stream.of(
                Arguments.of("{'op':'remove','path':'members[value co \"a\"]'}", "invalidFilter"),
                Arguments.of("{'op':'remove','path':'members[display eq \"Ann\"]'}", "invalidFilter"),
                Arguments.of("{'op':'remove','path':'members[value eq \"a\" and type eq \"User\"]'}", "invalidFilter"),
                Arguments.of("{'op':'replace','path':'members[value eq \"a\"].display','value':'x'}", "invalidPath"),
                Arguments.of("{'op':'add','path':'members[value eq \"a\"]','value':['b']}", "invalidPath"),
                Arguments.of("{'op':'add','path':'members[nope eq \"a\"]','value':['b']}", "invalidPath"),
                Arguments.of("{'op':'add','path':'members','value':[{'display':'no id'}]}", "invalidValue"),
                Arguments.of("{'op':'add','path':'members','value':[42]}", "invalidValue"),
                Arguments.of("{'op':'add','path':'members','value':[{'value':''}]}", "invalidValue"),
                Arguments.of("{'op':'remove'}", "noTarget"),
                Arguments.of("{'op':'remove','value':{'displayName':'x'}}", "noTarget"),
                Arguments.of("{'op':'remove','path':'displayName'}", "invalidValue"),
                Arguments.of("{'op':'replace','path':'displayName','value':7}", "invalidValue"),
                Arguments.of("{'op':'replace','path':'id','value':'x'}", "mutability"),
                Arguments.of("{'op':'add','path':'owner','value':'x'}", "invalidPath"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedMemberOperations")
    void rejectsWhatCannotBeDoneWithoutTheMemberListOrIsInvalid(String operation, String scimType) {
        assertScimError(() -> apply(operation), scimType);
    }

    @Test
    void limitsMemberIdsPerRequest() {
        String ids = IntStream.range(0, GroupPatch.MAX_MEMBER_IDS).mapToObj(i -> "'u" + i + "'")
                .collect(Collectors.joining(","));
        GroupPatchResult result = apply("{'op':'add','path':'members','value':[" + ids + "]}");
        assertThat(((AddMembers) result.memberChanges().get(0)).userIds()).hasSize(GroupPatch.MAX_MEMBER_IDS);
        assertScimError(() -> apply("{'op':'add','path':'members','value':[" + ids + "]},"
                        + "{'op':'remove','path':'members[value eq \"x\"]'}"), "invalidValue",
                "Operations[1]: A PATCH request may name at most 10000 members; split the change into several requests");
    }

    @Test
    void appliesOperationsInOrderAndAllOrNone() {
        ObjectNode input = stored();
        assertScimError(() -> GroupPatch.apply(input, patch(
                "{'op':'add','path':'members','value':['u1']},{'op':'replace','path':'displayName','value':'X'},"
                        + "{'op':'add','path':'members','value':[{'nope':1}]}")), "invalidValue",
                "Operations[2]: Attribute 'members[0].value' must be a non-empty member id string but was missing");
        assertThat(input).isEqualTo(stored());
        GroupPatchResult ok = GroupPatch.apply(input, patch(
                "{'op':'replace','path':'displayName','value':'A'},{'op':'replace','path':'displayName','value':'B'}"));
        assertThat(ok.group().get("displayName")).isEqualTo(json("'B'"));
        assertThat(input).isEqualTo(stored());
    }

    @Test
    void toleratesExtraSchemaUrnsInTheStoredGroupAndDropsThem() {
        ObjectNode storedWithAdscim = object("{'schemas':['%GROUP%','http://schemas.microsoft.com/2006/11/"
                + "ResourceManagement/ADSCIM/2.0/Group'],'id':'g2','displayName':'D'}");
        GroupPatchResult result = GroupPatch.apply(storedWithAdscim, patch("{'op':'replace','path':'externalId','value':'e'}"));
        assertThat(result.group()).isEqualTo(json("{'schemas':['%GROUP%'],'id':'g2','externalId':'e','displayName':'D'}"));
    }
}
