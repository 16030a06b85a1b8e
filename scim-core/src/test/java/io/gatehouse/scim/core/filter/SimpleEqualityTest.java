package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.testsupport.FuzzSettings;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimpleEqualityTest {

    @Test
    void buildsTheLookupsEntraAndOktaSendAsTheSdkParsesThem() throws Exception {
        for (String text : new String[] {"userName eq \"ada@contoso.example\"", "externalId EQ \"0a1b-2c\"",
                "displayName Eq \"Sales & Marketing (EU) – Zürich\"", "name.givenName eq \"Ada\"",
                "userName eq \"\"", "emails.value eq \"a+b@x.io\""}) {
            Filter fast = SimpleEquality.parse(text);
            assertThat(fast).as(text).isNotNull();
            assertThat(fast).as(text).isEqualTo(Filter.fromString(text));
            assertThat(fast.toString()).as(text).isEqualTo(Filter.fromString(text).toString());
        }
    }

    @Test
    void leavesEveryOtherShapeToTheSdk() {
        for (String text : new String[] {"userName eq \"a\\\"b\"", "userName eq \"a\\u0041\"", "userName  eq \"a\"",
                " userName eq \"a\"", "userName eq \"a\" ", "userName eq 12", "userName eq true", "userName ne \"a\"",
                "userName eq \"a\" and active eq true", "emails[type eq \"work\"]", "urn:ietf:params:scim:schemas:"
                + "core:2.0:User:userName eq \"a\"", "a.b.c eq \"x\"", "userName eq \"a", "userName eq \"a\"\"",
                "1abc eq \"x\"", "userName eq \"tab\there\"", "userName eq"}) {
            assertThat(SimpleEquality.parse(text)).as(text).isNull();
        }
    }

    @Test
    void agreesWithTheSdkOnGeneratedText() {
        String[] pieces = {"userName", "externalId", "name", ".", "givenName", "a", "Z9", "-", "_", "1", " ", "  ",
                "eq", "EQ", "eQ", "ne", "\"", "\"", "\\", "\\\"", "x", "é", "😀", "\t", "\u0001", ":", "[", "]", "@",
                "true", "null"};
        FuzzSettings.forAll("SimpleEqualityTest.generated", random -> generate(random, pieces), text -> {
            Filter fast = SimpleEquality.parse(text);
            if (fast == null) {
                return;
            }
            Filter sdk;
            try {
                sdk = Filter.fromString(text);
            } catch (Exception e) {
                throw new AssertionError("fast path accepted what the SDK refuses: " + text, e);
            }
            assertThat(fast).isEqualTo(sdk);
            assertThat(fast.toString()).isEqualTo(sdk.toString());
        });
    }

    /** Mostly the plain shape with one piece changed, so both outcomes are common. */
    private static String generate(SplittableRandom random, String[] pieces) {
        StringBuilder text = new StringBuilder();
        String[] shape = {pick(random, new String[] {"userName", "externalId", "name.givenName", "a-b_c"}), " ",
                pick(random, new String[] {"eq", "EQ", "Eq"}), " ", "\"", "value", "\""};
        int mutated = random.nextInt(shape.length + 1);
        for (int i = 0; i < shape.length; i++) {
            text.append(i == mutated ? pick(random, pieces) : shape[i]);
            if (random.nextInt(8) == 0) {
                text.append(pick(random, pieces));
            }
        }
        return text.toString();
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
