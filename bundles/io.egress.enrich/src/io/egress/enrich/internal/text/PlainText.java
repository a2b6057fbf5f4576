package io.egress.enrich.internal.text;

/**
 * Makes text from untrusted sources (RDAP answers, DNS names, capture data) safe to show: control
 * characters and bidirectional overrides are removed and the length is bounded. Markup such as HTML
 * is kept verbatim: it is text, and the views must render it as text.
 */
public final class PlainText {
    /** Longest field we keep; RDAP remarks can be long, but nobody reads more than this in a cell. */
    public static final int MAX_FIELD_CHARS = 2_000;

    private PlainText() {
    }

    /** Strips controls and bidi overrides, collapses line breaks and tabs to spaces, trims, bounds the length. */
    public static String clean(String text) {
        return clean(text, MAX_FIELD_CHARS);
    }

    public static String clean(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars));
        for (int i = 0; i < text.length() && sb.length() < maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (!isInvisibleControl(c)) {
                sb.append(c);
            }
        }
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString().strip();
    }

    /** C0, DEL, C1 and the bidi embedding/override/isolate marks that can disguise what text says. */
    static boolean isInvisibleControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
