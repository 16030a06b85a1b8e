package io.gatehouse.scim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.resource.GroupResources;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.scim.core.schema.TestJson;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property tests: for any PATCH body (mostly well-formed envelopes carrying random operations,
 * sometimes arbitrary JSON) the engines either succeed or throw {@link ScimException}; no other
 * exception may reach the web layer, where it would become a 500 that Entra retries forever.
 */
class PatchRobustnessTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Property(tries = 3000)
    void userPatchOnlyEverThrowsScimException(@ForAll("patchBodies") JsonNode body) {
        ObjectNode stored = TestJson.object(UserPatchTest.STORED);
        try {
            ObjectNode result = UserPatch.apply(stored, body);
            // A successful result is already in stored form: normalising it again changes nothing.
            assertThat(UserResources.normalize(result, result.get("id"), result.get("meta"))).isEqualTo(result);
            Statistics.label("user outcome").collect("applied");
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
            Statistics.label("user outcome").collect(expected.scimType());
        }
        assertThat(stored).isEqualTo(TestJson.object(UserPatchTest.STORED));
    }

    @Property(tries = 3000)
    void groupPatchOnlyEverThrowsScimException(@ForAll("patchBodies") JsonNode body) {
        ObjectNode stored = TestJson.object(GroupPatchTest.STORED);
        try {
            GroupPatchResult result = GroupPatch.apply(stored, body);
            assertThat(result.group().has("members")).isFalse();
            Statistics.label("group outcome").collect(result.memberChanges().isEmpty() ? "applied" : "member changes");
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
            Statistics.label("group outcome").collect(expected.scimType());
        }
        assertThat(stored).isEqualTo(TestJson.object(GroupPatchTest.STORED));
    }

    @Property(tries = 2000)
    void normalizeOnlyEverThrowsScimException(@ForAll("resourceBodies") JsonNode body) {
        try {
            UserResources.normalize(body);
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
        }
        try {
            GroupResources.normalize(body);
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
        }
    }

    @Provide
    Arbitrary<JsonNode> patchBodies() {
        Arbitrary<JsonNode> envelope = operation().list().ofMinSize(1).ofMaxSize(3).map(ops -> {
            ObjectNode body = JSON.objectNode();
            body.putArray("schemas").add(TestJson.PATCH_OP);
            body.putArray("Operations").addAll(ops);
            return body;
        });
        return Arbitraries.frequencyOf(
                Tuple.of(8, envelope),
                Tuple.of(1, json(3)));
    }

    @Provide
    Arbitrary<JsonNode> resourceBodies() {
        return Combinators.combine(attributeName().list().ofMaxSize(6), json(2).list().ofMaxSize(6))
                .as(PatchRobustnessTest::object);
    }

    private Arbitrary<JsonNode> operation() {
        Arbitrary<String> op = Arbitraries.of("add", "Add", "REPLACE", "replace", "move", "Remove", "remove", "add",
                "replace", "Replace");
        Arbitrary<String> path = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("displayName", "title", "emails[type eq \"work\"].value", "name.givenName",
                        "active", TestJson.ENTERPRISE + ":manager", "members", "members[value eq \"u1\"]", "externalId",
                        "roles", "addresses[type eq \"work\"].locality", "phoneNumbers[type eq \"mobile\"].value",
                        "emails", "name", "userName")),
                Tuple.of(3, path()),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(2, Arbitraries.just(null)));
        Arbitrary<JsonNode> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("u1", "x@example.com", "False", "", "m1").map(JSON::stringNode)),
                Tuple.of(4, json(2)), Tuple.of(4, valueObject()), Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(op, path, value).as((o, p, v) -> {
            ObjectNode node = JSON.objectNode().put("op", o);
            if (p != null) {
                node.put("path", p);
            }
            if (v != null) {
                node.set("value", v);
            }
            return node;
        });
    }

    /** Path-like strings built from real attribute names, filters and sub-attributes, valid or not. */
    private Arbitrary<String> path() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "", TestJson.USER + ":", "", TestJson.ENTERPRISE + ":",
                TestJson.GROUP + ":", "", "urn:x:", "", "");
        Arbitrary<String> filter = Arbitraries.of("", "", "[type eq \"work\"]", "[value eq \"u1\" or value eq \"u2\"]",
                "[primary eq \"True\"]", "[type eq work]", "[", "]", "[value co \"b\"]", "[not (type eq \"home\")]",
                "[type eq \"work\"][x eq 1]", "[type eq \"work\" and primary eq true]", "[nope pr]", "[value gt 5]");
        Arbitrary<String> sub = Arbitraries.of("", "", ".value", ".givenName", ".primary", ".", "..", ".x.y", ".display");
        return Combinators.combine(prefix, attributeName(), filter, sub).as((a, b, c, d) -> a + b + c + d);
    }

    private Arbitrary<String> attributeName() {
        return Arbitraries.of("userName", "USERNAME", "name", "emails", "phoneNumbers", "addresses", "roles", "members",
                "displayName", "externalId", "active", "manager", "department", "id", "meta", "groups", "password",
                "schemas", "nope", "name.givenName", "emails.value", TestJson.ENTERPRISE, TestJson.ENTERPRISE + ":manager",
                "$ref", "");
    }

    private Arbitrary<JsonNode> valueObject() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(json(2),
                Arbitraries.of("u1", "x@example.com", "True", "Dept").map(JSON::stringNode));
        return Combinators.combine(attributeName().list().ofMaxSize(4), values.list().ofMaxSize(4))
                .as(PatchRobustnessTest::object);
    }

    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.of("True", "False", "", "u1", "work", "[{\"value\":\"x\"}]", "{\"value\":\"m\"}", "[oops")
                        .map(JSON::stringNode),
                Arbitraries.strings().ofMaxLength(8).map(JSON::stringNode),
                Arbitraries.integers().between(-3, 3).map(JSON::numberNode),
                Arbitraries.doubles().between(-1, 1).map(JSON::numberNode),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                Arbitraries.just(JSON.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = json(depth - 1);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(3).map(items -> {
            ArrayNode node = JSON.arrayNode();
            node.addAll(items);
            return node;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(
                Arbitraries.of("value", "type", "primary", "display", "$ref", "members", "op", "path", "givenName",
                        "Operations", "schemas", "x").list().ofMaxSize(3),
                child.list().ofMaxSize(3)).as(PatchRobustnessTest::object);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, objects));
    }

    private static JsonNode object(List<String> keys, List<JsonNode> values) {
        ObjectNode node = JSON.objectNode();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            node.set(keys.get(i), values.get(i));
        }
        return node;
    }
}
