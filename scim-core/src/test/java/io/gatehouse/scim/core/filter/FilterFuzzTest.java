package io.gatehouse.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.scim.core.ScimException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs in plain JUnit (the same guarantee as {@link FilterFuzzProperties},
 * without depending on jqwik): compile succeeds with matching placeholders or throws 400
 * invalidFilter, nothing else.
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
        Random random = new Random(20240607L);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder filter = new StringBuilder();
            int length = random.nextInt(16);
            for (int t = 0; t < length; t++) {
                filter.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            check(run % 2 == 0 ? users : groups, filter.toString());
        }
    }

    @Test
    void randomCharactersCompileOrFailWithInvalidFilterOnly() {
        Random random = new Random(7L);
        for (int run = 0; run < 5_000; run++) {
            char[] chars = new char[random.nextInt(60)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
            }
            check(users, new String(chars));
        }
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
