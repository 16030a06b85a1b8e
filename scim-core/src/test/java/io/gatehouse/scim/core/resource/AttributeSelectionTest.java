package io.gatehouse.scim.core.resource;

import static io.gatehouse.scim.core.schema.TestJson.expand;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static io.gatehouse.scim.core.schema.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Table tests for {@link AttributeSelection} (RFC 7644 section 3.4.2.5). */
class AttributeSelectionTest {

    static final String USER = """
            {'schemas':['%USER%','%ENT%'],'id':'u1','externalId':'e1','userName':'bjensen',
             'name':{'familyName':'Jensen','givenName':'Barbara'},'active':true,
             'emails':[{'value':'b@x','type':'work','primary':true},{'value':'h@x','type':'home'}],
             '%ENT%':{'department':'Sales','manager':{'value':'m1'}},
             'meta':{'resourceType':'User','location':'https://h/Users/u1'}}""";

    static ObjectNode select(String attributes, String excluded) {
        return AttributeSelection.apply(ScimSchemas.USER_RESOURCE, object(USER),
                attributes == null ? null : expand(attributes), excluded == null ? null : expand(excluded));
    }

    static Stream<Arguments> inclusions() {
        return Stream.of(
                Arguments.of("userName", "{'schemas':['%USER%','%ENT%'],'id':'u1','userName':'bjensen'}"),
                Arguments.of("USERNAME, Active", "{'schemas':['%USER%','%ENT%'],'id':'u1','userName':'bjensen','active':true}"),
                Arguments.of("id", "{'schemas':['%USER%','%ENT%'],'id':'u1'}"),
                Arguments.of("name.givenName", "{'schemas':['%USER%','%ENT%'],'id':'u1','name':{'givenName':'Barbara'}}"),
                Arguments.of("emails.value", "{'schemas':['%USER%','%ENT%'],'id':'u1','emails':[{'value':'b@x'},{'value':'h@x'}]}"),
                Arguments.of("%USER%:userName", "{'schemas':['%USER%','%ENT%'],'id':'u1','userName':'bjensen'}"),
                Arguments.of("%ENT%:manager", "{'schemas':['%USER%','%ENT%'],'id':'u1','%ENT%':{'manager':{'value':'m1'}}}"),
                Arguments.of("manager.value", "{'schemas':['%USER%','%ENT%'],'id':'u1','%ENT%':{'manager':{'value':'m1'}}}"),
                Arguments.of("%ENT%", "{'schemas':['%USER%','%ENT%'],'id':'u1','%ENT%':{'department':'Sales','manager':{'value':'m1'}}}"),
                Arguments.of("meta.location", "{'schemas':['%USER%','%ENT%'],'id':'u1','meta':{'location':'https://h/Users/u1'}}"),
                Arguments.of("nickName,unknown", "{'schemas':['%USER%','%ENT%'],'id':'u1'}"));
    }

    @ParameterizedTest(name = "attributes={0}")
    @MethodSource("inclusions")
    void keepsOnlyRequestedAttributesPlusAlwaysReturnedOnes(String attributes, String expected) {
        assertThat(select(attributes, null)).isEqualTo(json(expected));
    }

    static Stream<Arguments> exclusions() {
        return Stream.of(
                Arguments.of("emails,meta", "emails", "meta"),
                Arguments.of("ID", null, null),
                Arguments.of("%ENT%:department", "/%ENT%/department", null),
                Arguments.of("%ENT%", "/%ENT%", null),
                Arguments.of("name.familyName", "/name/familyName", null),
                Arguments.of("emails.type", "/emails/0/type", "/emails/1/type"));
    }

    @ParameterizedTest(name = "excludedAttributes={0}")
    @MethodSource("exclusions")
    void dropsExcludedAttributesButNeverAlwaysReturnedOnes(String excluded, String gone1, String gone2) {
        ObjectNode result = select(null, excluded);
        ObjectNode expected = object(USER);
        for (String gone : new String[] {gone1, gone2}) {
            if (gone != null) {
                String pointer = expand(gone.startsWith("/") ? gone : "/" + gone);
                int slash = pointer.lastIndexOf('/');
                ((ObjectNode) expected.at(pointer.substring(0, slash).isEmpty() ? "" : pointer.substring(0, slash)))
                        .remove(pointer.substring(slash + 1));
            }
        }
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void returnsEverythingWithoutParametersAndNeverModifiesTheInput() {
        ObjectNode input = object(USER);
        assertThat(AttributeSelection.apply(ScimSchemas.USER_RESOURCE, input, null, "")).isEqualTo(object(USER));
        AttributeSelection.apply(ScimSchemas.USER_RESOURCE, input, "userName", "emails");
        assertThat(input).isEqualTo(object(USER));
    }

    @Test
    void removesMembersFromGroupsWhenExcluded() {
        ObjectNode group = object("{'schemas':['%GROUP%'],'id':'g1','displayName':'G','members':[{'value':'u1'}]}");
        assertThat(AttributeSelection.apply(ScimSchemas.GROUP_RESOURCE, group, null, "members"))
                .isEqualTo(json("{'schemas':['%GROUP%'],'id':'g1','displayName':'G'}"));
        assertThat(AttributeSelection.apply(ScimSchemas.GROUP_RESOURCE, group, "id", null))
                .isEqualTo(json("{'schemas':['%GROUP%'],'id':'g1'}"));
    }

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-, -, true",
            "-, members, false",
            "-, MEMBERS, false",
            "-, 'displayName, members', false",
            "-, members.display, true",
            "-, urn:ietf:params:scim:schemas:core:2.0:Group:members, false",
            "-, displayName, true",
            "displayName, -, false",
            "id, -, false",
            "'displayName,members', -, true",
            "members.value, -, true",
            "urn:ietf:params:scim:schemas:core:2.0:Group, -, true",
            "members, members, false",
            "'', '', true"})
    void wantsMembersOnlyWhenTheyWouldBeReturned(String attributes, String excluded, boolean expected) {
        assertThat(AttributeSelection.wantsMembers(attributes, excluded)).isEqualTo(expected);
    }
}
