package io.gatehouse.scim.core.filter;

import io.gatehouse.scim.core.ScimException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pre-parse pass over the raw filter text: enforces the size and nesting limits, checks that
 * parentheses and brackets balance, and rewrites bare comparison values into JSON strings.
 *
 * <p>Why the rewrite: RFC 7644 section 3.4.2.2 requires {@code compValue} to be a JSON literal
 * (quoted string, number, true/false/null), but Microsoft Entra ID sends
 * {@code externalId eq jyoung} and {@code userName eq john@x.com}. The UnboundID parser rejects
 * those, so a bare word in value position (up to the next space, ')' or ']') that is not already
 * a JSON literal is quoted here. Quoted strings, true/false/null and JSON numbers are left
 * untouched. Capitalised booleans ({@code True}) become strings, which boolean attributes accept.
 *
 * <p>The scan follows the grammar only as far as needed to know when a value is expected
 * (attribute, operator, value, connector); anything it does not understand is copied unchanged
 * for the parser to reject. Only the space character separates tokens, as in the RFC ABNF.
 */
final class FilterText {

    static final int MAX_LENGTH = 4096;
    /** Deepest allowed nesting of '(' and '['; keeps the recursive parser and compiler shallow. */
    static final int MAX_NESTING = 20;

    private static final Set<String> COMPARE_OPS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private enum Expect { ATTRIBUTE, OPERATOR, VALUE, CONNECTOR }

    private FilterText() {
    }

    static String normalize(String filter) {
        if (filter == null || filter.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters");
        }
        StringBuilder out = new StringBuilder(filter.length() + 16);
        Expect expect = Expect.ATTRIBUTE;
        StringBuilder open = new StringBuilder(); // stack of unclosed '(' and '['
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (c == ' ') {
                out.append(c);
                i++;
            } else if (c == '"') {
                int end = endOfString(filter, i);
                out.append(filter, i, end);
                i = end;
                expect = Expect.CONNECTOR;
            } else if (expect == Expect.VALUE && "()[]{'".indexOf(c) < 0) {
                // '{' '[' and '\'' are left alone: JSON objects/arrays and single-quoted
                // strings are not values, and the parser must reject them rather than we
                // turning them into odd strings.
                int end = endOfWord(filter, i, " )]");
                String word = filter.substring(i, end);
                out.append(isJsonLiteral(word) ? word : quote(word));
                i = end;
                expect = Expect.CONNECTOR;
            } else if (c == '(' || c == '[') {
                if (open.length() == MAX_NESTING) {
                    throw ScimException.invalidFilter("The filter is nested deeper than " + MAX_NESTING + " levels");
                }
                open.append(c);
                out.append(c);
                i++;
                expect = Expect.ATTRIBUTE;
            } else if (c == ')' || c == ']') {
                // Checked here because the parser tolerates a missing final ']'.
                if (open.length() == 0 || open.charAt(open.length() - 1) != (c == ')' ? '(' : '[')) {
                    throw ScimException.invalidFilter("Unbalanced '" + c + "' at position " + i);
                }
                open.setLength(open.length() - 1);
                out.append(c);
                i++;
                expect = Expect.CONNECTOR;
            } else {
                int end = endOfWord(filter, i, " ()[]\"");
                String word = filter.substring(i, end).toLowerCase(Locale.ROOT);
                out.append(filter, i, end);
                i = end;
                expect = switch (expect) {
                    case ATTRIBUTE -> word.equals("not") ? Expect.ATTRIBUTE : Expect.OPERATOR;
                    case OPERATOR -> COMPARE_OPS.contains(word) ? Expect.VALUE : Expect.CONNECTOR;
                    default -> word.equals("and") || word.equals("or") ? Expect.ATTRIBUTE : Expect.CONNECTOR;
                };
            }
        }
        if (open.length() > 0) {
            throw ScimException.invalidFilter("Missing closing '" + (open.charAt(open.length() - 1) == '(' ? ')' : ']') + "'");
        }
        return inlineSubAttributeComparison(out.toString());
    }

    /**
     * Entra writes a comparison on a value path's sub-attribute after the brackets, as in
     * {@code emails[type eq "work"].value eq "a@x.com"} (Entra's SCIM validator and matching attributes).
     * RFC 7644 has no such form; its meaning is "an email that is of type work and has that value",
     * which is {@code emails[(type eq "work") and value eq "a@x.com"]}: rewritten so here, on text whose
     * values are already quoted.
     */
    static String inlineSubAttributeComparison(String text) {
        if (text.indexOf("].") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int bracketAt = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '[') {
                out.append(c);
                bracketAt = out.length();
                i++;
            } else if (c == ']' && i + 1 < text.length() && text.charAt(i + 1) == '.' && bracketAt >= 0) {
                int nameEnd = endOfWord(text, i + 2, " ()[]\"");
                int opStart = nameEnd + 1;
                int opEnd = endOfWord(text, opStart, " ()[]");
                if (nameEnd == i + 2 || nameEnd >= text.length() || text.charAt(nameEnd) != ' ' || opEnd == opStart) {
                    throw ScimException.invalidFilter("Expected a comparison after the sub-attribute at position " + i);
                }
                String op = text.substring(opStart, opEnd).toLowerCase(Locale.ROOT);
                int end = opEnd;
                if (!op.equals("pr")) {
                    if (!COMPARE_OPS.contains(op) || opEnd + 1 >= text.length()) {
                        throw ScimException.invalidFilter("Expected an operator and a value after '"
                                + text.substring(i + 1, nameEnd) + "'");
                    }
                    int valueStart = opEnd + 1;
                    end = text.charAt(valueStart) == '"' ? endOfString(text, valueStart)
                            : endOfWord(text, valueStart, " )]");
                }
                out.insert(bracketAt, '(');
                out.append(") and ").append(text, i + 2, end).append(']');
                bracketAt = -1;
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index after the closing quote (honouring backslash escapes), or the end of the text. */
    private static int endOfString(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int endOfWord(String s, int start, String stops) {
        int i = start;
        while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static boolean isJsonLiteral(String word) {
        return word.equals("true") || word.equals("false") || word.equals("null") || JSON_NUMBER.matcher(word).matches();
    }

    /** JSON string literal for {@code word}; the parser decodes it back to the same text. */
    static String quote(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 2).append('"');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
