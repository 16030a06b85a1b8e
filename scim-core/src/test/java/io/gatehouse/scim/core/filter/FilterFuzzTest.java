package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testsupport.FuzzSettings;
import io.gatehouse.scim.core.ScimException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs in plain JUnit (see {@link FuzzSettings} for the number of tries and the seed):
 * compile succeeds with matching placeholders or throws 400 invalidFilter, nothing else.
 */
class FilterFuzzTest {

    private static final List<String> TOKENS = List.of("userName", "emails", "emails.value", "name", "givenName",
            "name.givenName", "id", "active", "meta.created", "groups", "members", "addresses",
            "urn:ietf:params:scim:schemas:core:2.0:User:", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le",
            "pr", "and", "or", "not", "(", ")", "[", "]", "\"", "\"x\"", "\"2011-05-13T04:42:34Z\"",
            "\"2819c223-7f76-453a-919d-413861904646\"", "true", "True", "null", "12", "-1.5e3", "{", "}", "'",
            "\\", "%", "_", ".", ":", " ", " ", " ", " ", "jyoung", "a@b.c", "\u0000", "\t");

    private final SqlFilterCompiler users = new SqlFilterCompiler(FilterMappings.users());
    private final SqlFilterCompiler groups = new SqlFilterCompiler(FilterMappings.groups());

    @Test
    void randomTokenSequencesCompileOrFailWithInvalidFilterOnly() {
        FuzzSettings.forAll("FilterFuzzTest.tokens", FilterFuzzTest::tokenSequence, filter -> {
            check(users, filter);
            check(groups, filter);
        });
    }

    @Test
    void randomCharactersCompileOrFailWithInvalidFilterOnly() {
        FuzzSettings.forAll("FilterFuzzTest.characters", FilterFuzzTest::characters, filter -> check(users, filter));
    }

    /** Up to 15 tokens of the filter grammar (and of its near misses), concatenated. */
    private static String tokenSequence(SplittableRandom random) {
        StringBuilder filter = new StringBuilder();
        for (int t = random.nextInt(16); t > 0; t--) {
            filter.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return filter.toString();
    }

    /** Up to 59 characters, half printable ASCII, half anywhere below U+3000. */
    private static String characters(SplittableRandom random) {
        char[] chars = new char[random.nextInt(60)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
        }
        return new String(chars);
    }

    private static void check(SqlFilterCompiler compiler, String filter) {
        try {
            SqlFragment fragment = compiler.compile(filter);
            assertThat(fragment.sql().chars().filter(c -> c == '?').count()).as(filter)
                    .isEqualTo(fragment.params().size());
        } catch (ScimException e) {
            assertThat(e.scimType()).as(filter).isEqualTo("invalidFilter");
            assertThat(e.status()).isEqualTo(400);
        }
    }
}
