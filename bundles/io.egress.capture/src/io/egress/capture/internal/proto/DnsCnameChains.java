package io.egress.capture.internal.proto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Follows CNAME records backwards from an address record's owner to the name that was asked. */
final class DnsCnameChains {
    /** Longer chains than this are not followed further (resolvers give up near 8-16 too). */
    static final int MAX_CHAIN = 16;

    private DnsCnameChains() {
    }

    static List<DnsMessage.AddressName> addressNames(List<DnsMessage.ResourceRecord> records) {
        // target (lower case) -> owner, answer section only; the first CNAME to a target wins.
        Map<String, String> aliasByTarget = new HashMap<>();
        for (DnsMessage.ResourceRecord r : records) {
            if (r.section() == DnsMessage.Section.ANSWER && r.target().isPresent()) {
                aliasByTarget.putIfAbsent(key(r.target().get()), r.name());
            }
        }
        List<DnsMessage.AddressName> out = new ArrayList<>();
        for (DnsMessage.ResourceRecord r : records) {
            if (r.section() == DnsMessage.Section.ANSWER && r.address().isPresent()) {
                out.add(new DnsMessage.AddressName(r.address().get(), r.name(), chainStart(aliasByTarget, r.name()), r.ttl()));
            }
        }
        return out;
    }

    /** The owner of the first CNAME in the chain ending at {@code name}; a loop or a long chain stops the walk. */
    private static String chainStart(Map<String, String> aliasByTarget, String name) {
        String current = name;
        for (int step = 0; step < MAX_CHAIN; step++) {
            String alias = aliasByTarget.get(key(current));
            if (alias == null || alias.equalsIgnoreCase(name)) {
                return current;
            }
            current = alias;
        }
        return current;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
