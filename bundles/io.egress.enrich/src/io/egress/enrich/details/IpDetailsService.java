package io.egress.enrich.details;

import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.names.ReverseDnsAnswer;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapRequest;
import io.egress.enrich.rdap.RdapResult;
import io.egress.enrich.rdap.RdapService;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Puts GeoIP, names and RDAP together for one address. The services are given (the workbench wires
 * them as OSGi components, the CLI constructs them); this class owns none of them.
 */
public final class IpDetailsService {
    private final GeoIpService geo;
    private final ReverseDnsService reverseDns;
    private final RdapService rdap;

    public IpDetailsService(GeoIpService geo, ReverseDnsService reverseDns, RdapService rdap) {
        this.geo = geo;
        this.reverseDns = reverseDns;
        this.rdap = rdap;
    }

    /** Immediately, without any network: GeoIP, the captured names, RDAP from the cache. */
    public IpDetails describeOffline(InetAddress address, List<ObservedName> capturedNames) {
        RdapResult cached = rdap.lookup(address, RdapRequest.CACHE_ONLY).join(); // cache-only lookups complete at once
        return assemble(address, geo.lookup(address), capturedNames, Optional.empty(), cached);
    }

    /** The GeoIP answer alone (offline). */
    public GeoAnswer geoip(InetAddress address) {
        return geo.lookup(address);
    }

    /** The RDAP registration held in the cache, without any network lookup (status NOT_ALLOWED when none is cached). */
    public RdapResult cachedRdap(InetAddress address) {
        return rdap.lookup(address, RdapRequest.CACHE_ONLY).join(); // cache-only lookups complete at once
    }

    /** The reverse DNS answer looked up earlier and still valid, without asking the resolver. */
    public Optional<ReverseDnsAnswer> cachedReverseDns(InetAddress address) {
        return reverseDns.cached(address);
    }

    /** With the network lookups the options and the global switches allow; never completes exceptionally. */
    public CompletableFuture<IpDetails> describe(InetAddress address, List<ObservedName> capturedNames, LookupOptions options) {
        GeoAnswer g = geo.lookup(address);
        CompletableFuture<Optional<ReverseDnsAnswer>> names = options.reverseDns()
                ? reverseDns.lookup(address).thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<RdapResult> registration = rdap.lookup(address, options.rdap());
        return names.thenCombine(registration, (n, r) -> assemble(address, g, capturedNames, n, r));
    }

    private static IpDetails assemble(InetAddress address, GeoAnswer g, List<ObservedName> captured, Optional<ReverseDnsAnswer> rdns,
            RdapResult r) {
        byte[] raw = IpAddresses.unmapV4(address.getAddress());
        List<ObservedName> names = new ArrayList<>(captured);
        rdns.ifPresent(a -> names.addAll(a.asObservedNames()));
        return new IpDetails(IpAddresses.format(raw), AddressClassifier.classify(IpAddresses.toInet(raw)), g, names, rdns, r);
    }
}
