package io.gatehouse.scim.core.resource;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests for {@link GroupResources#normalize}. */
class GroupResourcesTest {

    @Test
    void normalizesTheEntraCreateGroupRequestWithItsAdscimSchema() {
        NormalizedGroup group = GroupResources.normalize(json("""
                {"schemas":["%GROUP%","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName",
                 "meta":{"resourceType":"Group"}}"""));
        assertThat(group.group()).isEqualTo(json("""
                {"schemas":["%GROUP%"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName"}"""));
        assertThat(group.memberIds()).isNull();
    }

    static Stream<Arguments> memberShapes() {
        return Stream.of(
                Arguments.of("[{'value':'u1','$ref':null,'display':'Ann'},{'value':'u2','type':'User'}]", List.of("u1", "u2")),
                Arguments.of("['u1','u2','u1']", List.of("u1", "u2")),
                Arguments.of("[{'VALUE':'u1'},'u2']", List.of("u1", "u2")),
                Arguments.of("[]", List.of()),
                Arguments.of("null", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memberShapes")
    void acceptsMembersAsObjectsOrBareStrings(String members, List<String> expected) {
        NormalizedGroup group = GroupResources.normalize(json("{'displayName':'G','members':" + members + "}"));
        assertThat(group.memberIds()).isEqualTo(expected);
        assertThat(group.group()).isEqualTo(json("{'schemas':['%GROUP%'],'displayName':'G'}"));
    }

    static Stream<Arguments> invalidGroups() {
        return Stream.of(
                Arguments.of("{}", "invalidValue", "Attribute 'displayName' is required and must not be blank"),
                Arguments.of("{'displayName':' '}", "invalidValue", "Attribute 'displayName' is required and must not be blank"),
                Arguments.of("{'displayName':['G']}", "invalidValue", "Attribute 'displayName' must be a string but was an array"),
                Arguments.of("{'displayName':'G','members':[{'display':'x'}]}", "invalidValue",
                        "Attribute 'members[0].value' must be a non-empty member id string but was missing"),
                Arguments.of("{'displayName':'G','members':[5]}", "invalidValue",
                        "Attribute 'members[0]' must be a non-empty member id string but was a number"),
                Arguments.of("{'displayName':'G','externalId':1}", "invalidValue",
                        "Attribute 'externalId' must be a string but was a number"),
                Arguments.of("5", "invalidSyntax", "A Group must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGroups")
    void rejectsInvalidGroupsWithAPreciseDetail(String body, String scimType, String detail) {
        assertScimError(() -> GroupResources.normalize(json(body)), scimType, detail);
    }

    @Test
    void keepsServerOwnedIdAndMetaAndDropsClientOnes() {
        NormalizedGroup group = GroupResources.normalize(json("{'id':'client','meta':{},'displayName':'G'}"),
                json("'g1'"), json("{'resourceType':'Group'}"));
        assertThat(group.group()).isEqualTo(json("{'schemas':['%GROUP%'],'id':'g1','displayName':'G','meta':{'resourceType':'Group'}}"));
        assertThat(Arrays.asList(group.group().propertyNames().toArray())).containsExactly("schemas", "id", "displayName", "meta");
    }
}
