package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testsupport.FuzzSettings;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seeded generated hostile input through the real SCIM endpoints: malformed JSON, wrong types, huge and deeply
 * nested values, bad PATCH envelopes, operations and paths, bad filters in query strings, bad If-Match. (Unknown
 * URNs in a resource's {@code schemas} are not refused: they are ignored by design, see {@code ResourceContent};
 * a schema URN used as an attribute with a wrong type is.)
 * Every answer is a SCIM error (RFC 7644 JSON, {@code application/scim+json}) with the status and scimType of
 * its category, never a 5xx, and a refused request changes nothing: the target's version (ETag) and the number
 * of users and groups are the same afterwards. Tries per test: {@code -Dgatehouse.fuzz.tries} (small in the
 * normal build, larger with {@code -Pfuzz}); seed: {@code -Dgatehouse.fuzz.seed}.
 */
class ScimHttpFuzzIT extends IntegrationTest {

    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Set<String> BODY_SCIM_TYPES = Set.of("invalidSyntax", "invalidValue", "invalidPath",
            "noTarget", "mutability");

    private Scim scim;
    private String userId;
    private String groupId;

    @BeforeEach
    void company() {
        TestCompany company = operator().premiumCompanyWithToken();
        scim = new Scim(http(), company.scimToken());
        userId = scim.createUser("fuzz.target@example.com");
        groupId = scim.createGroup("Fuzz target");
        Http.Response added = scim.patch("/Groups/" + groupId, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}]"));
        assertThat(added.status()).as(added.toString()).isIn(200, 204);
    }

    @Test
    void malformedJsonBodiesAreInvalidSyntaxOnEveryWriteEndpoint() {
        FuzzSettings.forAll("ScimHttpFuzzIT.malformedJson", r -> new Attempt(writeEndpoint(r), malformedJson(r), null),
                attempt -> assertRefused(attempt, Set.of(400), Set.of("invalidSyntax")));
    }

    @Test
    void wronglyTypedBodiesAndBadPatchOperationsAreRefusedWith400() {
        FuzzSettings.forAll("ScimHttpFuzzIT.wrongTypes", r -> {
            String[] endpoint = writeEndpoint(r);
            boolean group = endpoint[1].startsWith("/Groups");
            String body = endpoint[0].equals("PATCH") ? badPatch(r, group) : mistypedResource(r, group);
            return new Attempt(endpoint, body, null);
        }, attempt -> assertRefused(attempt, Set.of(400), BODY_SCIM_TYPES));
    }

    @Test
    void hugeOrDeeplyNestedBodiesAreRefusedWithoutA5xx() {
        FuzzSettings.forAll("ScimHttpFuzzIT.hugeOrDeep", r -> {
            String[] endpoint = writeEndpoint(r);
            return r.nextInt(8) == 0 ? new Attempt(endpoint, huge(r), null) : new Attempt(endpoint, deep(r), null);
        }, attempt -> {
            if (attempt.body().length() > 1_048_576) {
                assertRefused(attempt, Set.of(413), null);
            } else {
                assertRefused(attempt, Set.of(400), Set.of("invalidSyntax", "invalidValue"));
            }
        });
    }

    @Test
    void badFiltersInQueryStringsAreInvalidFilter() {
        FuzzSettings.forAll("ScimHttpFuzzIT.badFilters", r -> new Attempt(new String[] {"GET",
                        (r.nextBoolean() ? "/Users" : "/Groups") + "?filter=" + Scim.filter(badFilter(r))}, null, null),
                attempt -> assertRefused(attempt, Set.of(400), Set.of("invalidFilter")));
    }

    @Test
    void badIfMatchIsPreconditionFailedAndChangesNothing() {
        FuzzSettings.forAll("ScimHttpFuzzIT.badIfMatch", r -> {
            boolean group = r.nextBoolean();
            String path = group ? "/Groups/" + groupId : "/Users/" + userId;
            String method = r.nextBoolean() ? "PUT" : "PATCH";
            String body = method.equals("PUT")
                    ? (group ? EntraBodies.group("Fuzz target") : EntraBodies.user("fuzz.target@example.com"))
                    : EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"changed\"}]");
            if (r.nextInt(6) == 0) {
                method = "DELETE";
                body = null;
            }
            return new Attempt(new String[] {method, path}, body, badIfMatch(r));
        }, attempt -> assertRefused(attempt, Set.of(412), null));
    }

    record Attempt(String[] endpoint, String body, String ifMatch) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…(" + body.length()
                    + " chars)" : body;
            return endpoint[0] + " " + endpoint[1] + (ifMatch == null ? "" : " If-Match: " + ifMatch) + " " + shown;
        }
    }

    private void assertRefused(Attempt attempt, Set<Integer> statuses, Set<String> scimTypes) {
        String[] e = attempt.endpoint();
        String method = e[0];
        String path = e[1].replace("{user}", userId).replace("{group}", groupId);
        String targetBefore = version(path);
        long usersBefore = total("/Users");
        long groupsBefore = total("/Groups");

        Map<String, String> headers = attempt.ifMatch() == null ? Map.of() : Map.of("If-Match", attempt.ifMatch());
        Http.Response r = scim.send(method, path, attempt.body(), headers);

        assertThat(r.status()).as("status of %s: %s", attempt, r).isIn(statuses.toArray());
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/scim+json");
        JsonNode json = r.json();
        assertThat(json.path("schemas").path(0).asString()).as(r.toString()).isEqualTo(ERROR_SCHEMA);
        assertThat(json.path("status").asString()).as(r.toString()).isEqualTo(Integer.toString(r.status()));
        assertThat(json.path("detail").asString()).as(r.toString()).isNotBlank();
        if (scimTypes != null) {
            assertThat(json.path("scimType").asString()).as("scimType of %s: %s", attempt, r).isIn(scimTypes);
        }
        assertThat(version(path)).as("the target is unchanged after %s", attempt).isEqualTo(targetBefore);
        assertThat(total("/Users")).as("no user created or deleted by %s", attempt).isEqualTo(usersBefore);
        assertThat(total("/Groups")).as("no group created or deleted by %s", attempt).isEqualTo(groupsBefore);
    }

    /** The version of the resource a request addresses (or of the seeded user for a collection request). */
    private String version(String path) {
        String resource = path.startsWith("/Groups") ? "/Groups/" + groupId : "/Users/" + userId;
        Http.Response r = scim.get(resource);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("meta").path("version").asString() + " " + r.header("ETag");
    }

    private long total(String collection) {
        Http.Response r = scim.get(collection + "?count=0");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("totalResults").asLong();
    }

    // ---- generators -------------------------------------------------------------------------------------------

    private static final List<String[]> WRITE_ENDPOINTS = List.of(
            new String[] {"POST", "/Users"}, new String[] {"PUT", "/Users/{user}"},
            new String[] {"PATCH", "/Users/{user}"}, new String[] {"POST", "/Groups"},
            new String[] {"PUT", "/Groups/{group}"}, new String[] {"PATCH", "/Groups/{group}"});

    private static String[] writeEndpoint(SplittableRandom r) {
        return WRITE_ENDPOINTS.get(r.nextInt(WRITE_ENDPOINTS.size()));
    }

    private static final String USER = EntraBodies.user("fuzz.other@example.com");
    private static final String GROUP = EntraBodies.group("Fuzz other");
    private static final String PATCH = EntraBodies.patch(
            "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"x\"}]");

    /** Valid-looking JSON broken in one place: cut short, an unbalanced or stray character, or not JSON at all. */
    static String malformedJson(SplittableRandom r) {
        String valid = List.of(USER, GROUP, PATCH).get(r.nextInt(3)).strip();
        return switch (r.nextInt(6)) {
            case 0 -> valid.substring(0, 1 + r.nextInt(valid.length() - 1)); // truncated
            case 1 -> "{" + "{[:,]".charAt(r.nextInt(5)) + valid.substring(1); // a stray token after the brace
            
            case 2 -> valid + "}";
            case 3 -> valid.replaceFirst("\":", "\" ");
            case 4 -> List.of("", "null", "[]", "42", "\"text\"", "true", "<xml/>", "{'a':1}", "{\"a\":NaN}")
                    .get(r.nextInt(9));
            default -> randomText(r, 1 + r.nextInt(200));
        };
    }

    /** A resource body with one attribute of the wrong type, or with missing or unknown schemas. */
    static String mistypedResource(SplittableRandom r, boolean group) {
        String value = pick(r, "[1,2]", "{\"a\":{\"b\":1}}", "[]", "{}");
        if (group) {
            return switch (r.nextInt(4)) {
                case 0 -> "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":"
                        + pick(r, "123", "true", "[]", "{}", "null", "\"\"") + "}";
                case 1 -> "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g\","
                        + "\"members\":" + pick(r, "\"x\"", "123", "[1]", "[\"x\"]", "[{\"value\":42}]",
                        "[{\"value\":\"not-a-uuid\"}]", "[{\"value\":\"" + java.util.UUID.randomUUID() + "\"}]") + "}";
                case 2 -> "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g\","
                        + "\"members\":" + pick(r, "[{\"value\":null}]", "[{}]", "[{\"value\":\"\"}]", "[null]",
                        "[{\"value\":[]}]") + "}";
                default -> "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"externalId\":" + value
                        + ",\"displayName\":\"g\"}";
            };
        }
        String core = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
        return switch (r.nextInt(7)) {
            case 0 -> "{" + core + ",\"userName\":" + pick(r, "123", "true", "[]", "{}", "null", "\"\"", "\"  \"") + "}";
            case 1 -> "{" + core + ",\"userName\":\"u" + r.nextInt(999) + "@example.com\",\"active\":"
                    + pick(r, "\"maybe\"", "[]", "{}", "2", "\"\"") + "}";
            case 2 -> "{" + core + ",\"userName\":\"u" + r.nextInt(999) + "@example.com\"," + switch (r.nextInt(4)) {
                case 0 -> "\"" + pick(r, "displayName", "externalId", "title") + "\":" + pick(r, "[1,2]", "{\"a\":{\"b\":1}}");
                case 1 -> "\"" + pick(r, "emails", "phoneNumbers", "addresses", "roles") + "\":" + pick(r, "\"x\"", "123", "true");
                case 2 -> "\"name\":" + pick(r, "\"x\"", "123", "[1,2]");
                default -> "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":" + pick(r, "\"x\"", "1", "[1]");
            } + "}";
            case 3 -> "{" + core + ",\"userName\":\"u@example.com\",\"urn:ietf:params:scim:schemas:extension:"
                    + "enterprise:2.0:User\":" + pick(r, "1", "\"x\"", "[]", "{\"manager\":1}") + "}";
            case 4 -> "{" + core + ",\"userName\":\"u@example.com\",\"emails\":[1]," + "\"x\":1,}"; // trailing comma
            case 5 -> "{" + core + ",\"userName\":\"u@example.com\",\"emails\":[" + pick(r, "1", "[]",
                    "{\"value\":[]}", "{\"value\":{}}", "{\"primary\":\"yes\",\"value\":\"a@b.c\"}") + "]}";
            default -> "{" + core + ",\"userName\":\"u@example.com\",\"name\":{\"givenName\":" + value + "}}";
        };
    }

    /** A PATCH request with something wrong: the envelope, an operation's name, path or value. */
    static String badPatch(SplittableRandom r, boolean group) {
        String schema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
        return switch (r.nextInt(8)) {
            case 0 -> "{" + schema + ",\"Operations\":" + pick(r, "[]", "{}", "\"add\"", "null", "1", "[1]", "[[]]") + "}";
            case 1 -> "{\"schemas\":" + pick(r, "[]", "[\"urn:x\"]", "\"x\"", "null")
                    + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}";
            case 2 -> "{" + schema + ",\"Operations\":[{\"op\":" + pick(r, "\"frobnicate\"", "\"\"", "1", "null", "[]",
                    "\"re place\"") + ",\"path\":\"displayName\",\"value\":\"x\"}]}";
            case 3 -> "{" + schema + ",\"Operations\":[{\"op\":\"" + pick(r, "add", "replace", "remove")
                    + "\",\"path\":\"" + pick(r, "emails[type eq]", "emails[", "]", "members[value eq \\\"x\\\"",
                    "name..givenName", "urn:ietf:params:scim:schemas:core:2.0:User:", "..", "[value eq 1]",
                    "emails[type eq \\\"work\\\"].value.x", "a b", "emails[type ~ \\\"x\\\"]") + "\",\"value\":\"x\"}]}";
            case 4 -> "{" + schema + ",\"Operations\":[{\"op\":\"add\",\"path\":\"" + (group ? "members" : "emails")
                    + "\"}]}"; // add without a value
            case 5 -> "{" + schema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"" + (group ? "displayName" : "active")
                    + "\",\"value\":" + pick(r, "[]", "{}", "[1,2]", "{\"a\":[]}") + "}]}";
            case 6 -> "{" + schema + ",\"Operations\":[{\"op\":\"replace\",\"value\":" + pick(r, "1", "\"x\"", "[]",
                    "true") + "}]}";
            default -> "{" + schema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"ok\"},"
                    + "{\"op\":\"" + pick(r, "add", "replace") + "\",\"path\":\"" + pick(r, "id", "meta.created",
                    "emails[", "meta") + "\",\"value\":" + pick(r, "\"x\"", "1") + "}]}"; // the good first op must not stick
        };
    }

    /** Far beyond the 1 MiB body limit. */
    static String huge(SplittableRandom r) {
        String filler = "x".repeat(1_048_576 + 1 + r.nextInt(100_000));
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + filler + "\"}";
    }

    /** JSON nested far deeper than any SCIM resource (Jackson's default limit is 500 levels). */
    static String deep(SplittableRandom r) {
        int depth = 600 + r.nextInt(20_000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"d@example.com\",\"x\":"
                + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    /** A filter that is wrong: bad syntax, an unknown attribute or operator, a value of the wrong kind. */
    static String badFilter(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> "userName " + pick(r, "eq", "ne", "co", "sw", "gt") + " ";
            case 1 -> pick(r, "userName", "displayName", "emails.value") + " " + pick(r, "equals", "==", "like", "~",
                    "EQQ") + " \"x\"";
            case 2 -> "(userName eq \"x\"" + ")".repeat(r.nextInt(3) == 0 ? 2 : 0);
            case 3 -> "noSuchAttribute" + r.nextInt(999) + " eq \"x\"";
            case 4 -> "userName eq \"x\" " + pick(r, "and", "or", "and not", "xor userName eq \"y\"");
            case 5 -> "emails[type eq \"work\"" + pick(r, "", " and", "]]", "] eq");
            case 6 -> "userName eq \"" + "unterminated".substring(0, 1 + r.nextInt(12));
            case 7 -> "(".repeat(1 + r.nextInt(2_000)) + "userName eq \"x\"";
            default -> {
                String text = randomText(r, 1 + r.nextInt(60));
                yield text.isBlank() || text.matches("[A-Za-z0-9]*") ? text + " eq" : text + " )(";
            }
        };
    }

    /** An If-Match that names no version the resource has (never {@code *}). */
    static String badIfMatch(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "W/\"" + (1_000_000 + r.nextInt(1_000_000_000)) + "\"";
            case 1 -> "\"" + (1_000_000 + r.nextInt(1_000_000_000)) + "\"";
            case 2 -> "W/\"x\", \"" + (1_000_000 + r.nextInt(1_000)) + "\"";
            default -> {
                StringBuilder s = new StringBuilder("h");
                int length = r.nextInt(40);
                for (int i = 0; i < length; i++) {
                    char c = (char) (0x21 + r.nextInt(0x5e));
                    s.append(c == '*' ? 'a' : c);
                }
                yield s.toString();
            }
        };
    }

    private static String randomText(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            s.append(kind < 7 ? (char) (0x20 + r.nextInt(0x5f)) : kind < 9 ? "{}[]\":,\\".charAt(r.nextInt(8))
                    : (char) (0xa0 + r.nextInt(0x2000)));
        }
        return s.toString();
    }

    private static String pick(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
