package io.egress.cli.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The command line's user-facing strings, kept in messages.properties. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.egress.cli.internal.messages");

    private Messages() {
    }

    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    static String version() {
        Package p = Messages.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
