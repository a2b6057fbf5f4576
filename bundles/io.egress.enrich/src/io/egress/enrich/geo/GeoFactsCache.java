package io.egress.enrich.geo;

import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Countries and networks of addresses that come and go (live connections): {@link #learn} looks
 * up the ones not seen before, on the caller's (background) thread; reads never look up, so a
 * view's label provider can use this on the UI thread. Bounded: past {@value #MAX_ENTRIES}
 * addresses it starts again. A new GeoIP service (the analyst added a database folder) empties it.
 */
public final class GeoFactsCache implements AddressFacts {
    static final int MAX_ENTRIES = 100_000;
    private static final String[] UNKNOWN = {"", ""};

    private final Supplier<GeoIpService> service;
    private final Map<String, String[]> known = new ConcurrentHashMap<>();
    private volatile GeoIpService learntFrom;

    /** @param service the current GeoIP service, or null when there is none */
    public GeoFactsCache(Supplier<GeoIpService> service) {
        this.service = service;
    }

    /**
     * Looks up the addresses not yet known. Call off the UI thread.
     *
     * @return whether anything new was learnt (the view should repaint)
     */
    public boolean learn(Collection<byte[]> addresses) {
        GeoIpService geo = service.get();
        if (geo == null) {
            return false;
        }
        if (geo != learntFrom) {
            known.clear();
            learntFrom = geo;
        }
        boolean learnt = false;
        for (byte[] a : addresses) {
            String text = IpAddresses.format(a);
            if (known.containsKey(text)) {
                continue;
            }
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            String[] f = GeoAddressFacts.factsOf(geo.lookup(text));
            known.put(text, f[0].isEmpty() && f[1].isEmpty() ? UNKNOWN : f);
            learnt |= !f[0].isEmpty() || !f[1].isEmpty();
        }
        return learnt;
    }

    @Override
    public String country(byte[] address) {
        return known.getOrDefault(IpAddresses.format(address), UNKNOWN)[0];
    }

    @Override
    public String network(byte[] address) {
        return known.getOrDefault(IpAddresses.format(address), UNKNOWN)[1];
    }
}
