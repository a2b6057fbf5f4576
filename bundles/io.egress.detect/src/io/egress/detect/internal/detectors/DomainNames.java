package io.egress.detect.internal.detectors;

import java.util.Set;

/** The registered domain of a host name, without a full public-suffix list. */
final class DomainNames {
    /** Second-level labels under which country registries sell names (co.uk, com.au ...). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob");

    private DomainNames() {
    }

    /**
     * The last two labels, or three when the second-to-last is a generic second level under a
     * two-letter country code (example.co.uk); the name itself when it has fewer labels.
     */
    static String registered(String name) {
        String[] labels = name.split("\\.");
        if (labels.length <= 2) {
            return name;
        }
        int keep = labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, Math.max(0, labels.length - keep), labels.length));
    }

    /** The labels left of the registered domain ("" when none). */
    static String subdomain(String name) {
        String reg = registered(name);
        return name.length() > reg.length() ? name.substring(0, name.length() - reg.length() - 1) : "";
    }
}
