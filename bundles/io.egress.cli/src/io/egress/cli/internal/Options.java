package io.egress.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal GNU-style option parsing shared by the commands: {@code --name value}, {@code --name=value},
 * flags, and positional arguments. Unknown options are usage errors, never silently ignored.
 */
public final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> allValues = new HashMap<>();
    private final Set<String> flagsSeen = new java.util.HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param flags  options without a value
     */
    public static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                o.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                o.flagsSeen.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                o.values.put(name, value);
                o.allValues.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return o;
    }

    public boolean flag(String name) {
        return flagsSeen.contains(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Every value of an option given more than once, in order (for {@link #value} the last one wins). */
    public List<String> values(String name) {
        return List.copyOf(allValues.getOrDefault(name, List.of()));
    }

    /** A value that must be one of the given choices. */
    public String choice(String name, String fallback, Set<String> choices) {
        String v = value(name, fallback);
        if (!choices.contains(v)) {
            throw new UsageException("--" + name + " must be one of " + String.join(", ", new java.util.TreeSet<>(choices)) + ", not '" + v + "'");
        }
        return v;
    }

    public List<String> positional() {
        return positional;
    }
}
