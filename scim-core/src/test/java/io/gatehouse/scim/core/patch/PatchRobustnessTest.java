package io.gatehouse.scim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testsupport.FuzzSettings;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.resource.GroupResources;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.scim.core.schema.TestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random tests (see {@link FuzzSettings}): for any PATCH body (mostly well-formed envelopes carrying random
 * operations, sometimes arbitrary JSON) the engines either succeed or throw {@link ScimException}; no other
 * exception may reach the web layer, where it would become a 500 that Entra retries forever.
 */
class PatchRobustnessTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final List<String> OPS = List.of("add", "Add", "REPLACE", "replace", "move", "Remove", "remove",
            "add", "replace", "Replace");
    private static final List<String> KNOWN_PATHS = List.of("displayName", "title", "emails[type eq \"work\"].value",
            "name.givenName", "active", TestJson.ENTERPRISE + ":manager", "members", "members[value eq \"u1\"]",
            "externalId", "roles", "addresses[type eq \"work\"].locality", "phoneNumbers[type eq \"mobile\"].value",
            "emails", "name", "userName");
    private static final List<String> VALUE_STRINGS = List.of("u1", "x@example.com", "False", "", "m1");
    private static final List<String> OBJECT_VALUE_STRINGS = List.of("u1", "x@example.com", "True", "Dept");
    private static final List<String> PATH_PREFIXES = List.of("", "", "", "", TestJson.USER + ":", "",
            TestJson.ENTERPRISE + ":", TestJson.GROUP + ":", "", "urn:x:", "", "");
    private static final List<String> PATH_FILTERS = List.of("", "", "[type eq \"work\"]",
            "[value eq \"u1\" or value eq \"u2\"]", "[primary eq \"True\"]", "[type eq work]", "[", "]",
            "[value co \"b\"]", "[not (type eq \"home\")]", "[type eq \"work\"][x eq 1]",
            "[type eq \"work\" and primary eq true]", "[nope pr]", "[value gt 5]");
    private static final List<String> PATH_SUBS = List.of("", "", ".value", ".givenName", ".primary", ".", "..",
            ".x.y", ".display");
    private static final List<String> ATTRIBUTE_NAMES = List.of("userName", "USERNAME", "name", "emails",
            "phoneNumbers", "addresses", "roles", "members", "displayName", "externalId", "active", "manager",
            "department", "id", "meta", "groups", "password", "schemas", "nope", "name.givenName", "emails.value",
            TestJson.ENTERPRISE, TestJson.ENTERPRISE + ":manager", "$ref", "");
    private static final List<String> LEAF_STRINGS = List.of("True", "False", "", "u1", "work",
            "[{\"value\":\"x\"}]", "{\"value\":\"m\"}", "[oops");
    private static final List<String> JSON_KEYS = List.of("value", "type", "primary", "display", "$ref", "members",
            "op", "path", "givenName", "Operations", "schemas", "x");
    /** Characters that mean something in SCIM paths and filters, for random strings. */
    private static final String SYNTAX_CHARS = "[]().:\"' $,-_0123456789abcdeqrtuvwxyzAEOR\\";

    @Test
    void userPatchOnlyEverThrowsScimException() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("PatchRobustnessTest.userPatch", PatchRobustnessTest::patchBody, body -> {
            ObjectNode stored = TestJson.object(UserPatchTest.STORED);
            try {
                ObjectNode result = UserPatch.apply(stored, body);
                // A successful result is already in stored form: normalising it again changes nothing.
                assertThat(UserResources.normalize(result, result.get("id"), result.get("meta"))).isEqualTo(result);
                outcomes.merge("applied", 1, Integer::sum);
            } catch (ScimException expected) {
                assertThat(expected.status()).isEqualTo(400);
                outcomes.merge(String.valueOf(expected.scimType()), 1, Integer::sum);
            }
            assertThat(stored).isEqualTo(TestJson.object(UserPatchTest.STORED));
        });
        System.out.println("[fuzz] user outcome: " + outcomes);
    }

    @Test
    void groupPatchOnlyEverThrowsScimException() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("PatchRobustnessTest.groupPatch", PatchRobustnessTest::patchBody, body -> {
            ObjectNode stored = TestJson.object(GroupPatchTest.STORED);
            try {
                GroupPatchResult result = GroupPatch.apply(stored, body);
                assertThat(result.group().has("members")).isFalse();
                outcomes.merge(result.memberChanges().isEmpty() ? "applied" : "member changes", 1, Integer::sum);
            } catch (ScimException expected) {
                assertThat(expected.status()).isEqualTo(400);
                outcomes.merge(String.valueOf(expected.scimType()), 1, Integer::sum);
            }
            assertThat(stored).isEqualTo(TestJson.object(GroupPatchTest.STORED));
        });
        System.out.println("[fuzz] group outcome: " + outcomes);
    }

    @Test
    void normalizeOnlyEverThrowsScimException() {
        FuzzSettings.forAll("PatchRobustnessTest.normalize", PatchRobustnessTest::resourceBody, body -> {
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
        });
    }

    // ---- generators -------------------------------------------------------------------------------------------

    /** 8 in 9: a PatchOp envelope with 1 to 3 random operations; otherwise arbitrary JSON. */
    static JsonNode patchBody(SplittableRandom random) {
        if (random.nextInt(9) == 8) {
            return json(random, 3);
        }
        ObjectNode body = JSON.objectNode();
        body.putArray("schemas").add(TestJson.PATCH_OP);
        ArrayNode operations = body.putArray("Operations");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            operations.add(operation(random));
        }
        return body;
    }

    /** Random attribute names mapped to arbitrary JSON. */
    static JsonNode resourceBody(SplittableRandom random) {
        return object(random, 6, PatchRobustnessTest::attributeName, r -> json(r, 2));
    }

    /** {"op": ..., "path": ..., "value": ...}; path and value are sometimes absent (not JSON null). */
    private static JsonNode operation(SplittableRandom random) {
        ObjectNode node = JSON.objectNode().put("op", pick(random, OPS));
        String path = switch (weighted(random, 4, 3, 1, 2)) {
            case 0 -> pick(random, KNOWN_PATHS);
            case 1 -> path(random);
            case 2 -> string(random, 12);
            default -> null;
        };
        if (path != null) {
            node.put("path", path);
        }
        JsonNode value = switch (weighted(random, 4, 4, 4, 1)) {
            case 0 -> JSON.stringNode(pick(random, VALUE_STRINGS));
            case 1 -> json(random, 2);
            case 2 -> valueObject(random);
            default -> null;
        };
        if (value != null) {
            node.set("value", value);
        }
        return node;
    }

    /** Path-like strings built from real attribute names, filters and sub-attributes, valid or not. */
    private static String path(SplittableRandom random) {
        return pick(random, PATH_PREFIXES) + attributeName(random) + pick(random, PATH_FILTERS)
                + pick(random, PATH_SUBS);
    }

    private static String attributeName(SplittableRandom random) {
        return pick(random, ATTRIBUTE_NAMES);
    }

    private static JsonNode valueObject(SplittableRandom random) {
        return object(random, 4, PatchRobustnessTest::attributeName, r -> r.nextBoolean()
                ? json(r, 2)
                : JSON.stringNode(pick(r, OBJECT_VALUE_STRINGS)));
    }

    /** Arbitrary JSON up to the given nesting depth: 3 in 5 a leaf, else an array or an object. */
    private static JsonNode json(SplittableRandom random, int depth) {
        int kind = depth == 0 ? 0 : weighted(random, 3, 1, 1);
        if (kind == 0) {
            return switch (random.nextInt(6)) {
                case 0 -> JSON.stringNode(pick(random, LEAF_STRINGS));
                case 1 -> JSON.stringNode(string(random, 8));
                case 2 -> JSON.numberNode(random.nextInt(-3, 4));
                case 3 -> JSON.numberNode(Math.round(random.nextDouble(-1, 1) * 100) / 100.0);
                case 4 -> JSON.booleanNode(random.nextBoolean());
                default -> JSON.nullNode();
            };
        }
        if (kind == 1) {
            ArrayNode array = JSON.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(json(random, depth - 1));
            }
            return array;
        }
        return object(random, 3, r -> pick(r, JSON_KEYS), r -> json(r, depth - 1));
    }

    /**
     * An object from a list of up to {@code max} keys and a list of up to {@code max} values, zipped to the shorter
     * list; a repeated key keeps its last value.
     */
    private static JsonNode object(SplittableRandom random, int max, Function<SplittableRandom, String> key,
            Function<SplittableRandom, JsonNode> value) {
        List<String> keys = list(random, max, key);
        List<JsonNode> values = list(random, max, value);
        ObjectNode node = JSON.objectNode();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            node.set(keys.get(i), values.get(i));
        }
        return node;
    }

    private static <T> List<T> list(SplittableRandom random, int max, Function<SplittableRandom, T> element) {
        int size = random.nextInt(max + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }

    /** Up to {@code maxLength} characters: printable ASCII, SCIM syntax characters, or any UTF-16 unit. */
    private static String string(SplittableRandom random, int maxLength) {
        char[] chars = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (random.nextInt(3)) {
                case 0 -> (char) random.nextInt(0x20, 0x7f);
                case 1 -> SYNTAX_CHARS.charAt(random.nextInt(SYNTAX_CHARS.length()));
                default -> (char) random.nextInt(0x10000);
            };
        }
        return new String(chars);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of one weight, chosen with probability proportional to it. */
    private static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }
}
