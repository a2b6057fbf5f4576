package io.egress.enrich.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for answers from servers we do not trust: it bounds the input length,
 * the nesting depth, the length of each string and the number of members and elements, so that a
 * hostile answer costs little memory and no stack. Not thread-safe; one instance per parse.
 */
public final class JsonParser {
    /** Limits of one parse. */
    public record Limits(int maxChars, int maxDepth, int maxStringChars, int maxItems) {
        /** Generous for RDAP (answers are a few KiB, nested entities a few levels deep). */
        public static final Limits DEFAULT = new Limits(2_000_000, 64, 200_000, 100_000);
    }

    private final String text;
    private final Limits limits;
    private int pos;
    private int items;
    /** Member names and array indexes leading to the value being read: the path in errors. */
    private final java.util.ArrayDeque<Object> path = new java.util.ArrayDeque<>();

    private JsonParser(String text, Limits limits) {
        this.text = text;
        this.limits = limits;
    }

    public static Json parse(String text) throws JsonParseException {
        return parse(text, Limits.DEFAULT);
    }

    public static Json parse(String text, Limits limits) throws JsonParseException {
        if (text.length() > limits.maxChars()) {
            throw new JsonParseException("JSON text of " + text.length() + " characters exceeds the limit of " + limits.maxChars());
        }
        JsonParser p = new JsonParser(text, limits);
        p.skipSpace();
        Json value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Json value(int depth) throws JsonParseException {
        if (depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth());
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new Json.Str(string());
            case 't' -> literal("true", new Json.Bool(true));
            case 'f' -> literal("false", new Json.Bool(false));
            case 'n' -> literal("null", Json.Null.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Json object(int depth) throws JsonParseException {
        pos++;
        Map<String, Json> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new Json.Obj(members);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            countItem();
            path.addLast(name);
            members.put(name, value(depth + 1));
            path.removeLast();
            skipSpace();
            char c = next();
            if (c == '}') {
                return new Json.Obj(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private Json array(int depth) throws JsonParseException {
        pos++;
        List<Json> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Json.Arr(list);
        }
        while (true) {
            skipSpace();
            countItem();
            path.addLast(list.size());
            list.add(value(depth + 1));
            path.removeLast();
            skipSpace();
            char c = next();
            if (c == ']') {
                return new Json.Arr(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String string() throws JsonParseException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("raw control character in string");
            }
            if (c == '\\') {
                sb.append(escape());
            } else {
                sb.append(c);
            }
            if (sb.length() > limits.maxStringChars()) {
                throw error("string longer than " + limits.maxStringChars() + " characters");
            }
        }
    }

    private char escape() throws JsonParseException {
        char e = next();
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(pos++), 16);
                    if (d < 0) {
                        throw error("bad hex digit in \\u escape");
                    }
                    v = v * 16 + d;
                }
                yield (char) v;
            }
            default -> {
                pos--;
                throw error("bad escape '\\" + printable(e) + "'");
            }
        };
    }

    private Json number() throws JsonParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        if (pos - start > 100) {
            throw error("number longer than 100 characters");
        }
        try {
            return new Json.Num(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw error("number out of range (" + e.getMessage() + ")"); // an exponent beyond BigDecimal's int scale
        }
    }

    private void digits() throws JsonParseException {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private Json literal(String word, Json value) throws JsonParseException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected word");
        }
        pos += word.length();
        return value;
    }

    private void countItem() throws JsonParseException {
        if (++items > limits.maxItems()) {
            throw error("more than " + limits.maxItems() + " members and elements");
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws JsonParseException {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) throws JsonParseException {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private String pathText() {
        StringBuilder sb = new StringBuilder("$");
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                String name = step.toString();
                sb.append('.').append(name.length() > 40 ? name.substring(0, 40) + "..." : name);
            }
        }
        return sb.toString();
    }

    private JsonParseException error(String what) {
        return new JsonParseException(pos, pathText(), what);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
