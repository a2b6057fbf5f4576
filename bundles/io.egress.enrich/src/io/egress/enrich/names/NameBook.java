package io.egress.enrich.names;

import io.egress.core.net.IpAddresses;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names seen for each address during a session (DNS answers, SNI, HTTP Host, reverse DNS). The
 * capture side adds, the views read; thread-safe. One entry per (name, source), keeping the latest
 * sighting; bounded per address so that a hostile capture cannot grow it without limit.
 */
public final class NameBook {
    private final int maxNamesPerAddress;
    private final Map<String, Map<String, ObservedName>> byAddress = new ConcurrentHashMap<>();

    public NameBook(int maxNamesPerAddress) {
        this.maxNamesPerAddress = maxNamesPerAddress;
    }

    public NameBook() {
        this(64);
    }

    public void add(InetAddress address, ObservedName name) {
        if (name.name().isEmpty()) {
            return;
        }
        Map<String, ObservedName> names = byAddress.computeIfAbsent(key(address), k -> new LinkedHashMap<>());
        synchronized (names) {
            String k = name.source().id() + " " + name.name();
            ObservedName old = names.get(k);
            if (old == null && names.size() >= maxNamesPerAddress) {
                return;
            }
            if (old == null || old.observedAt().isBefore(name.observedAt())) {
                names.put(k, name);
            }
        }
    }

    /** Names of the address, capture sources first, then by name. IPv4-mapped IPv6 is the same address as IPv4. */
    public List<ObservedName> namesOf(InetAddress address) {
        Map<String, ObservedName> names = byAddress.get(key(address));
        if (names == null) {
            return List.of();
        }
        List<ObservedName> list;
        synchronized (names) {
            list = new ArrayList<>(names.values());
        }
        list.sort(Comparator.comparing(ObservedName::source).thenComparing(ObservedName::name));
        return List.copyOf(list);
    }

    private static String key(InetAddress address) {
        return IpAddresses.format(IpAddresses.unmapV4(address.getAddress()));
    }
}
