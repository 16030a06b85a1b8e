package io.gatehouse.scim.core.resource;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.expand;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static io.gatehouse.scim.core.schema.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Table tests for a value filter in {@code attributes} / {@code excludedAttributes}
 * ({@code attributes=emails[type eq "work"]}), the leniency of docs/scim.md.
 */
class AttributeValueFilterTest {

    private static final String USER = """
            {'schemas':['%USER%'],'id':'u1','userName':'bjensen',
             'emails':[{'value':'b@x','type':'work','primary':true},{'value':'h@x','type':'home'},
                       {'value':'o,[x]@x','type':'other'}],
             'phoneNumbers':[{'value':'555','type':'work'}]}""";
    private static final String WORK = "{'value':'b@x','type':'work','primary':true}";
    private static final String HOME = "{'value':'h@x','type':'home'}";
    private static final String OTHER = "{'value':'o,[x]@x','type':'other'}";

    private static JsonNode select(String attributes, String excluded) {
        return AttributeSelection.apply(ScimSchemas.USER_RESOURCE, object(USER),
                attributes == null ? null : expand(attributes), excluded == null ? null : expand(excluded));
    }

    private static JsonNode emails(String... values) {
        return json("[" + String.join(",", values) + "]");
    }

    static Stream<Arguments> inclusions() {
        return Stream.of(
                Arguments.of("emails[type eq \"work\"]", emails(WORK)),
                Arguments.of("EMAILS[TYPE eq \"Work\"]", emails(WORK)),
                Arguments.of("%USER%:emails[type eq \"home\"]", emails(HOME)),
                Arguments.of("emails[type eq \"work\" or type eq \"home\"]", emails(WORK, HOME)),
                Arguments.of("emails[primary eq true]", emails(WORK)),
                Arguments.of("emails[not (type eq \"work\")]", emails(HOME, OTHER)),
                Arguments.of("emails[value co \",[x]\"]", emails(OTHER)),
                Arguments.of("emails[type eq \"work\"].value", emails("{'value':'b@x'}")),
                Arguments.of("emails[type eq \"work\"],emails.type",
                        emails(WORK, "{'type':'home'}", "{'type':'other'}")),
                Arguments.of("emails[type eq \"work\"],emails", emails(WORK, HOME, OTHER)));
    }

    @ParameterizedTest(name = "attributes={0}")
    @MethodSource("inclusions")
    void returnsTheAttributeWithOnlyTheValuesTheFilterSelects(String attributes, JsonNode expected) {
        JsonNode result = select(attributes + ",userName", null);

        assertThat(result.path("emails")).isEqualTo(expected);
        assertThat(result.path("userName").asString()).isEqualTo("bjensen");
        assertThat(result.has("phoneNumbers")).isFalse();
    }

    @Test
    void leavesTheAttributeOutWhenTheFilterSelectsNoValue() {
        assertThat(select("emails[type eq \"pager\"]", null))
                .isEqualTo(json("{'schemas':['%USER%'],'id':'u1'}"));
    }

    static Stream<Arguments> exclusions() {
        return Stream.of(
                Arguments.of(null, "emails[type eq \"home\"]", emails(WORK, OTHER)),
                Arguments.of(null, "emails[type eq \"home\"].value", emails(WORK, "{'type':'home'}", OTHER)),
                Arguments.of(null, "emails[type eq \"home\"],emails.primary",
                        emails("{'value':'b@x','type':'work'}", OTHER)),
                Arguments.of("emails.value", "emails[type eq \"home\"]",
                        emails("{'value':'b@x'}", "{'value':'o,[x]@x'}")),
                Arguments.of("emails[type eq \"work\"]", "emails[type eq \"work\"].primary",
                        emails("{'value':'b@x','type':'work'}")));
    }

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
    @MethodSource("exclusions")
    void excludesOnlyTheValuesTheFilterSelectsEvaluatedOnTheStoredValue(String attributes, String excluded,
                                                                         JsonNode expected) {
        assertThat(select(attributes, excluded).path("emails")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "emails[type eqq \"work\"]",
            "emails[type eq \"work\"",
            "emails[type eq \"work]",
            "emails]",
            "emails[type eq \"work\"]]",
            "emails[nosuch eq \"x\"]",
            "emails[type eq \"work\"].nosuch",
            "emails[value[type eq \"x\"]]",
            "userName[value eq \"x\"]",
            "nosuch[type eq \"x\"]",
            "urn:ietf:params:scim:schemas:core:2.0:Group:emails[type eq \"work\"]",
            "emails[type eq \"work\"][type eq \"home\"]",
            "emails[((((((((((((((((((((((((((((((((((type eq \"x\"))))))))))))))))))))))))))))))))))]"})
    void anInvalidValueFilterIsInvalidFilterInEitherParameter(String name) {
        assertScimError(() -> select(name, null), "invalidFilter");
        assertScimError(() -> select(null, name), "invalidFilter");
        if (!name.contains(":Group:")) { // a Group's own URN with members is a valid name for groups
            assertScimError(() -> AttributeSelection.wantsMembers(name.replace("emails", "members"), null),
                    "invalidFilter");
        }
    }

    @Test
    void membersAreWantedWhenAFilterSelectsSomeOfThem() {
        assertThat(AttributeSelection.wantsMembers("members[value eq \"u1\"]", null)).isTrue();
        assertThat(AttributeSelection.wantsMembers("displayName", "members[value eq \"u1\"]")).isFalse();
        assertThat(AttributeSelection.wantsMembers(null, "members[value eq \"u1\"]")).isTrue();
    }

    @Test
    void selectValueGivesEachValueAsTheWholeSelectionWouldOutputIt() {
        AttributeSelection selection = AttributeSelection.of(ScimSchemas.USER_RESOURCE,
                "emails[type eq \"work\" or type eq \"home\"].value", "emails[type eq \"home\"].value");
        SchemaDefinition core = ScimSchemas.USER_RESOURCE.core();
        AttributeDefinition emails = core.attribute("emails").orElseThrow();

        assertThat(selection.filtersValuesOf(core, emails)).isTrue();
        assertThat(selection.selectValue(core, emails, json(WORK))).isEqualTo(json("{'value':'b@x'}"));
        assertThat(selection.selectValue(core, emails, json(HOME))).isNull();
        assertThat(selection.selectValue(core, emails, json(OTHER))).isNull();
        assertThat(AttributeSelection.of(ScimSchemas.USER_RESOURCE, "emails.value", null)
                .filtersValuesOf(core, emails)).isFalse();
    }

    @Test
    void neverModifiesTheInput() {
        ObjectNode input = object(USER);

        AttributeSelection.apply(ScimSchemas.USER_RESOURCE, input, "emails[type eq \"work\"].value",
                "emails[type eq \"home\"]");

        assertThat(input).isEqualTo(object(USER));
    }
}
