package io.egress.enrich.geo;

import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Country and network of a set of addresses, looked up once in the GeoIP databases (off the UI
 * thread) so that views can show and sort by them. Special-purpose addresses get "" (their class
 * says what they are); the network is "AS<number> <organisation>", else the ISP.
 */
public final class GeoAddressFacts implements AddressFacts {
    private record Facts(String country, String network) {
    }

    private final Map<String, Facts> byAddress;

    private GeoAddressFacts(Map<String, Facts> byAddress) {
        this.byAddress = byAddress;
    }

    /** Looks up each address (text form). Cancelling stops with what is known. */
    public static GeoAddressFacts lookUp(GeoIpService geo, Set<String> addresses, Progress progress) {
        Map<String, Facts> out = new HashMap<>();
        long done = 0;
        for (String a : addresses) {
            if (progress.isCanceled()) {
                break;
            }
            String[] f = factsOf(geo.lookup(a));
            if (!f[0].isEmpty() || !f[1].isEmpty()) {
                out.put(a, new Facts(f[0], f[1]));
            }
            progress.worked(++done, addresses.size());
        }
        return new GeoAddressFacts(Map.copyOf(out));
    }

    /** {country ISO code, network} of one answer, "" where unknown. */
    static String[] factsOf(GeoAnswer g) {
        String country = g.country().map(GeoCountry::isoCode).orElse("");
        String network = g.asn().map(n -> ("AS" + n.number() + " " + n.organization()).strip()).or(() -> g.isp()).orElse("");
        return new String[] {country, network};
    }

    /** Addresses with a country or a network. */
    public int known() {
        return byAddress.size();
    }

    @Override
    public String country(byte[] address) {
        Facts f = byAddress.get(IpAddresses.format(address));
        return f == null ? "" : f.country();
    }

    @Override
    public String network(byte[] address) {
        Facts f = byAddress.get(IpAddresses.format(address));
        return f == null ? "" : f.network();
    }
}
