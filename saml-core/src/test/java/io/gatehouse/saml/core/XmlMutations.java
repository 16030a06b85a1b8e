package io.gatehouse.saml.core;

import io.gatehouse.testsupport.FuzzSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generators for the fuzz tests (see {@link FuzzSettings}): mutants of a real or test-IdP document, made by byte
 * edits (flips, cuts, inserted markup, copied ranges, truncation, random bytes) and by structural edits (removing,
 * duplicating or moving an element; removing, duplicating, copying or changing an attribute; replacing text), and
 * arbitrary bytes. Documents are handled as ISO-8859-1 so every byte maps to one char and back unchanged. The scan
 * for elements and attributes is deliberately lenient: after an earlier mutation the document may no longer be
 * well-formed, and the next mutation works on whatever markup it still finds.
 */
final class XmlMutations {

    /** Markup worth inserting anywhere. */
    static final List<String> TOKENS = List.of("<", ">", "/>", "\"", "&", "&amp;", "<!---->", "<![CDATA[x]]>",
            "ID=\"_x\"", "<!DOCTYPE x>", "xmlns=\"\"", "<Assertion>", "</Assertion>", "<ds:Signature/>", "\u0000",
            "\u00e9", " ");
    /** Replacement attribute values and text: empty, whitespace, another user, an entity, a comment split. */
    private static final List<String> VALUES = List.of("", " ", "_x", "mallory@evil.example", "&amp;", "&lt;x&gt;",
            "alice@acme.example<!---->.evil.example", "\u00e9", "urn:x", "2099-01-01T00:00:00Z", "true", "#_x");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+[^\\s=<>/\"']+\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> tokens;

    /** @param extraTokens markup specific to the documents mutated, inserted like {@link #TOKENS} */
    XmlMutations(List<String> extraTokens) {
        this.tokens = Stream.concat(TOKENS.stream(), extraTokens.stream()).toList();
    }

    /** A generated input and how it was made, which is what a failing property prints. */
    record Input(String origin, List<String> steps, byte[] bytes) {

        @Override
        public String toString() {
            String how = steps.isEmpty() ? ""
                    : " after " + escape(steps.toString().getBytes(StandardCharsets.ISO_8859_1));
            return origin + how + ", " + bytes.length + " bytes: " + escape(bytes);
        }
    }

    /** One to three mutations (mostly one) of {@code base}. */
    Input mutant(String origin, byte[] base, SplittableRandom random) {
        int count = switch (random.nextInt(10)) {
            case 0 -> 3;
            case 1, 2 -> 2;
            default -> 1;
        };
        List<String> steps = new ArrayList<>();
        String doc = text(base);
        for (int i = 0; i < count; i++) {
            doc = mutate(doc, random, steps);
        }
        return new Input(origin, steps, doc.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Arbitrary bytes, up to {@code maxLength}: half the time uniformly random, otherwise after a prefix that gets
     * further into parsing (a byte-order mark, an XML declaration, one of {@code prefixes}), or printable ASCII.
     */
    static Input arbitrary(SplittableRandom random, int maxLength, List<String> prefixes) {
        byte[] body = new byte[random.nextInt(maxLength + 1)];
        int kind = random.nextInt(4);
        if (kind == 3) {
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) random.nextInt(0x20, 0x7f);
            }
        } else {
            random.nextBytes(body);
        }
        if (kind < 2) {
            return new Input("random bytes", List.of(), body);
        }
        List<String> all = new ArrayList<>(List.of("<", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<x>"));
        all.addAll(prefixes);
        String prefix = all.get(random.nextInt(all.size()));
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            start = concat(BOM, start);
        }
        return new Input("random bytes after '" + prefix + "'", List.of(), concat(start, body));
    }

    // ---- mutations --------------------------------------------------------------------------------------------

    private String mutate(String doc, SplittableRandom random, List<String> steps) {
        int length = doc.length();
        switch (random.nextInt(14)) {
            case 0, 1 -> {
                if (length > 0) {
                    int p = random.nextInt(length);
                    char b = (char) random.nextInt(256);
                    steps.add("byte " + p + " := 0x" + Integer.toHexString(b));
                    return splice(doc, p, 1, String.valueOf(b));
                }
            }
            case 2 -> {
                if (length > 0) {
                    int p = random.nextInt(length);
                    int n = 1 + random.nextInt(400);
                    steps.add("cut " + n + " at " + p);
                    return splice(doc, p, n, "");
                }
            }
            case 3, 4 -> {
                int p = random.nextInt(length + 1);
                String token = tokens.get(random.nextInt(tokens.size()));
                steps.add("insert '" + token + "' at " + p);
                return splice(doc, p, 0, utf8(token));
            }
            case 5 -> {
                if (length > 0) {
                    int from = random.nextInt(length);
                    int to = random.nextInt(length + 1);
                    int end = Math.min(length, from + 1 + random.nextInt(2000));
                    steps.add("copy [" + from + "," + end + ") to " + to);
                    return splice(doc, to, 0, doc.substring(from, end));
                }
            }
            case 6 -> {
                if (length > 0) {
                    int p = random.nextInt(length);
                    steps.add("truncate to " + p);
                    return doc.substring(0, p);
                }
            }
            case 7 -> {
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                int p = random.nextInt(length + 1);
                steps.add(junk.length + " random bytes at " + p);
                return splice(doc, p, 0, text(junk));
            }
            default -> {
                String result = structural(doc, random, steps);
                if (result != null) {
                    return result;
                }
            }
        }
        // The chosen edit needs something the document no longer has (bytes, elements, attributes, text).
        int p = random.nextInt(length + 1);
        steps.add("insert '<' at " + p);
        return splice(doc, p, 0, "<");
    }

    /** An edit of elements, attributes or text, or null when the document has none of the kind chosen. */
    private String structural(String doc, SplittableRandom random, List<String> steps) {
        Markup markup = Markup.scan(doc);
        int kind = random.nextInt(6);
        if (kind < 3) {
            if (markup.elements.isEmpty()) {
                return null;
            }
            Span element = pick(random, markup.elements);
            String copy = doc.substring(element.start, element.end);
            String name = element.name;
            if (kind == 0) {
                steps.add("remove <" + name + "> at " + element.start);
                return splice(doc, element.start, element.end - element.start, "");
            }
            int to = pick(random, markup.boundaries);
            if (kind == 1) {
                // Half the time as its own next sibling, else anywhere: wrapping and duplicate IDs.
                to = random.nextBoolean() ? element.end : to;
                steps.add("duplicate <" + name + "> at " + element.start + " to " + to);
                return splice(doc, to, 0, copy);
            }
            if (to > element.start && to < element.end) {
                to = element.start;
            }
            steps.add("move <" + name + "> at " + element.start + " to " + to);
            String removed = splice(doc, element.start, element.end - element.start, "");
            return splice(removed, to >= element.end ? to - copy.length() : to, 0, copy);
        }
        if (kind < 5) {
            if (markup.attributes.isEmpty()) {
                return null;
            }
            Span attribute = pick(random, markup.attributes);
            String copy = doc.substring(attribute.start, attribute.end);
            switch (random.nextInt(4)) {
                case 0 -> {
                    steps.add("remove " + copy.strip() + " at " + attribute.start);
                    return splice(doc, attribute.start, attribute.end - attribute.start, "");
                }
                case 1 -> {
                    steps.add("repeat " + copy.strip() + " at " + attribute.start);
                    return splice(doc, attribute.end, 0, copy);
                }
                case 2 -> {
                    Span tag = pick(random, markup.startTags);
                    steps.add("copy " + copy.strip() + " to <" + tag.name + "> at " + tag.start);
                    return splice(doc, tag.end, 0, " " + copy.strip());
                }
                default -> {
                    String value = random.nextBoolean()
                            ? pick(random, markup.attributes).value
                            : utf8(pick(random, VALUES));
                    steps.add("set " + attribute.name + " at " + attribute.start + " to '" + value + "'");
                    return splice(doc, attribute.valueStart, attribute.end - 1 - attribute.valueStart,
                            value.replace(String.valueOf(doc.charAt(attribute.end - 1)), ""));
                }
            }
        }
        if (markup.texts.isEmpty()) {
            return null;
        }
        Span text = pick(random, markup.texts);
        String value = random.nextBoolean() ? pick(random, markup.texts).value : utf8(pick(random, VALUES));
        steps.add("replace text '" + text.value + "' at " + text.start + " by '" + value + "'");
        return splice(doc, text.start, text.end - text.start, value);
    }

    /**
     * What a lenient scan finds: elements (start tag to matching end tag), start tags (span = where to add an
     * attribute, right after the name), attributes (name, value and where the value starts), non-blank text between
     * tags, and tag boundaries to insert elements at.
     */
    private record Markup(List<Span> elements, List<Span> startTags, List<Span> attributes, List<Span> texts,
            List<Integer> boundaries) {

        static Markup scan(String doc) {
            Markup m = new Markup(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            Deque<Span> open = new ArrayDeque<>();
            int previousEnd = -1;
            int i = 0;
            while ((i = doc.indexOf('<', i)) >= 0) {
                int special = skipSpecial(doc, i);
                if (special >= 0) {
                    previousEnd = -1;
                    i = special;
                    continue;
                }
                int end = tagEnd(doc, i + 1);
                if (end < 0) {
                    break;
                }
                boolean closing = doc.charAt(i + 1) == '/';
                int nameStart = closing ? i + 2 : i + 1;
                int nameEnd = nameStart;
                while (nameEnd < end - 1 && !Character.isWhitespace(doc.charAt(nameEnd)) && doc.charAt(nameEnd) != '/'
                        && doc.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                if (nameEnd == nameStart) {
                    i++;
                    continue;
                }
                String name = doc.substring(nameStart, nameEnd);
                if (previousEnd >= 0 && i > previousEnd && !doc.substring(previousEnd, i).isBlank()) {
                    m.texts.add(new Span(previousEnd, i, null, doc.substring(previousEnd, i), previousEnd));
                }
                m.boundaries.add(i);
                m.boundaries.add(end);
                if (closing) {
                    closeElement(m, open, name, end);
                } else {
                    m.startTags.add(new Span(i, nameEnd, name, null, nameEnd));
                    Matcher a = ATTRIBUTE.matcher(doc).region(nameEnd, end - 1);
                    while (a.find()) {
                        String value = a.group(1);
                        m.attributes.add(new Span(a.start(), a.end(),
                                doc.substring(a.start(), a.end()).strip().split("\\s*=")[0],
                                value.substring(1, value.length() - 1), a.start(1) + 1));
                    }
                    Span element = new Span(i, end, name, null, i);
                    if (doc.charAt(end - 2) == '/') {
                        m.elements.add(element);
                    } else {
                        open.push(element);
                    }
                }
                previousEnd = end;
                i = end;
            }
            return m;
        }

        /** Closes the innermost open element of that name (and any left open inside it). */
        private static void closeElement(Markup m, Deque<Span> open, String name, int end) {
            if (open.stream().noneMatch(s -> s.name.equals(name))) {
                return;
            }
            Span start;
            do {
                start = open.pop();
            } while (!start.name.equals(name));
            m.elements.add(new Span(start.start, end, name, null, start.start));
        }

        /** The index after a comment, CDATA section, processing instruction or declaration at i, else -1. */
        private static int skipSpecial(String doc, int i) {
            String end;
            if (doc.startsWith("<!--", i)) {
                end = "-->";
            } else if (doc.startsWith("<![CDATA[", i)) {
                end = "]]>";
            } else if (doc.startsWith("<?", i)) {
                end = "?>";
            } else if (doc.startsWith("<!", i)) {
                end = ">";
            } else {
                return -1;
            }
            int at = doc.indexOf(end, i + 2);
            return at < 0 ? doc.length() : at + end.length();
        }

        /** The index after the '>' closing the tag whose name starts at from (quoted '>' skipped), or -1. */
        private static int tagEnd(String doc, int from) {
            char quote = 0;
            for (int j = from; j < doc.length(); j++) {
                char c = doc.charAt(j);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return j + 1;
                } else if (c == '<') {
                    return -1;
                }
            }
            return -1;
        }
    }

    /** [start, end) of a piece of markup; name and value where they apply; valueStart: where an edit goes. */
    private record Span(int start, int end, String name, String value, int valueStart) {
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Replaces length chars at position (clamped to the document) with replacement. */
    private static String splice(String doc, int position, int length, String replacement) {
        int end = Math.min(doc.length(), position + length);
        return doc.substring(0, position) + replacement + doc.substring(end);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The UTF-8 bytes of s, one char each. */
    private static String utf8(String s) {
        return text(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Printable ASCII as is, quotes and backslashes escaped, every other byte as \xNN: pastable into a test. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16).append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }
}
