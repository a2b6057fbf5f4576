package io.egress.ui.internal;

import org.eclipse.osgi.util.NLS;

/**
 * "1 finding", "3 findings": NLS.bind has no plural forms, so each counted noun has two messages,
 * {@code count_X_one} and {@code count_X_other}, and this picks one. English-style (one vs. the
 * rest) is what the shipped messages need; a translation with more forms would extend this.
 */
public final class Counted {
    private Counted() {
    }

    public static String of(long count, String one, String other) {
        return NLS.bind(count == 1 ? one : other, count);
    }
}
