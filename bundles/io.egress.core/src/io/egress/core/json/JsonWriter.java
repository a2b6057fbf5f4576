package io.egress.core.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer, so that the UI-free bundles can emit JSON without a library.
 * Calls must be well-nested; misuse throws {@link IllegalStateException}.
 */
public final class JsonWriter {
    private enum Scope { OBJECT_EXPECT_NAME, OBJECT_EXPECT_VALUE, ARRAY, TOP }

    private final Appendable out;
    private final boolean pretty;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<Boolean> hasElements = new ArrayDeque<>();

    public JsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
        scopes.push(Scope.TOP);
        hasElements.push(Boolean.FALSE);
    }

    public JsonWriter beginObject() { beforeValue(); open(Scope.OBJECT_EXPECT_NAME, '{'); return this; }

    public JsonWriter endObject() { close(Scope.OBJECT_EXPECT_NAME, '}'); return this; }

    public JsonWriter beginArray() { beforeValue(); open(Scope.ARRAY, '['); return this; }

    public JsonWriter endArray() { close(Scope.ARRAY, ']'); return this; }

    public JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT_EXPECT_NAME) {
            throw new IllegalStateException("name() outside an object or twice in a row: " + name);
        }
        separator();
        string(name);
        write(pretty ? ": " : ":");
        scopes.pop();
        scopes.push(Scope.OBJECT_EXPECT_VALUE);
        return this;
    }

    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    public JsonWriter value(long value) { beforeValue(); write(Long.toString(value)); return this; }

    public JsonWriter value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nullValue();
        }
        beforeValue();
        write(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value));
        return this;
    }

    public JsonWriter value(boolean value) { beforeValue(); write(Boolean.toString(value)); return this; }

    public JsonWriter value(Number value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        write(value.toString());
        return this;
    }

    public JsonWriter nullValue() { beforeValue(); write("null"); return this; }

    /** Convenience: {@code name(n).value(v)}. */
    public JsonWriter field(String name, String value) { return name(name).value(value); }

    public JsonWriter field(String name, long value) { return name(name).value(value); }

    public JsonWriter field(String name, double value) { return name(name).value(value); }

    public JsonWriter field(String name, boolean value) { return name(name).value(value); }

    public JsonWriter field(String name, Number value) { return name(name).value(value); }

    private void open(Scope scope, char c) {
        write(String.valueOf(c));
        scopes.push(scope);
        hasElements.push(Boolean.FALSE);
    }

    private void close(Scope expected, char c) {
        Scope top = scopes.peek();
        if (top != expected) {
            throw new IllegalStateException("unbalanced " + c + " in scope " + top);
        }
        scopes.pop();
        boolean any = hasElements.pop();
        if (pretty && any) {
            newline();
        }
        write(String.valueOf(c));
        if (scopes.size() == 1 && pretty) {
            write("\n");
        }
    }

    private void beforeValue() {
        Scope top = scopes.peek();
        switch (top) {
            case OBJECT_EXPECT_VALUE -> {
                scopes.pop();
                scopes.push(Scope.OBJECT_EXPECT_NAME);
            }
            case ARRAY -> separator();
            case TOP -> {
                if (hasElements.peek()) {
                    write("\n");
                }
                hasElements.pop();
                hasElements.push(Boolean.TRUE);
            }
            case OBJECT_EXPECT_NAME -> throw new IllegalStateException("value without a name inside an object");
        }
    }

    private void separator() {
        if (hasElements.peek()) {
            write(",");
        }
        hasElements.pop();
        hasElements.push(Boolean.TRUE);
        if (pretty) {
            newline();
        }
    }

    private void newline() {
        StringBuilder sb = new StringBuilder("\n");
        sb.append("  ".repeat(scopes.size() - 1));
        write(sb.toString());
    }

    private void string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        write(sb.append('"').toString());
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
