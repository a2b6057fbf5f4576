package io.egress.workspace.enrich;

import io.egress.core.flow.Flow;
import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.details.IpDetails;
import io.egress.enrich.details.IpDetailsJson;
import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoLookupStatus;
import io.egress.enrich.names.ReverseDnsAnswer;
import io.egress.enrich.rdap.RdapResult;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.WorkspaceContent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enrichment answers a saved workspace keeps about the public addresses of its flows: the GeoIP
 * answer of each (kind {@code geoip}, looked up offline in the configured databases), and the RDAP
 * registration and reverse DNS names already at hand (the RDAP disk cache, names resolved earlier),
 * never asking a registry or a resolver. What the command line's {@code workspace save} and the
 * workbench's Save both store.
 */
public final class AddressAnswers {
    /** Kind of reverse DNS answers. */
    public static final String RDNS = "rdns";

    private AddressAnswers() {
    }

    /** {@code content} with its enrichment replaced by {@link #of} its flows, keeping earlier answers no lookup replaced. */
    public static WorkspaceContent enriched(WorkspaceContent content, IpDetailsService details, long nowMillis) {
        List<EnrichmentAnswer> answers = merged(of(content.flows(), details, nowMillis), content.enrichment());
        return new WorkspaceContent(content.captures(), content.flows(), content.processes(), answers, content.findings(), content.notes(),
                content.tags(), content.bookmarks(), content.detectorSettings(), content.viewState(), content.origin());
    }

    /**
     * The answers about every distinct public address of the flows (either end), in the order the
     * addresses first appear: a GeoIP answer when a database has a record, the cached RDAP registration
     * and the cached reverse DNS answer when there are such.
     */
    public static List<EnrichmentAnswer> of(List<FlowRecord> flows, IpDetailsService details, long nowMillis) {
        List<EnrichmentAnswer> out = new ArrayList<>();
        for (InetAddress address : publicAddresses(flows)) {
            geoip(details.geoip(address), nowMillis).ifPresent(out::add);
            rdap(details.cachedRdap(address)).ifPresent(out::add);
            details.cachedReverseDns(address).flatMap(AddressAnswers::reverseDns).ifPresent(out::add);
        }
        return out;
    }

    /** Distinct public addresses of the flows' two ends, in order of first appearance. */
    public static List<InetAddress> publicAddresses(List<FlowRecord> flows) {
        Map<String, InetAddress> seen = new LinkedHashMap<>();
        for (FlowRecord r : flows) {
            Flow f = r.flow();
            add(seen, f.initiator());
            add(seen, f.responder());
        }
        return List.copyOf(seen.values());
    }

    private static void add(Map<String, InetAddress> seen, byte[] raw) {
        byte[] address = IpAddresses.unmapV4(raw);
        String text = IpAddresses.format(address);
        if (!seen.containsKey(text)) {
            InetAddress inet = IpAddresses.toInet(address);
            if (AddressClassifier.classOf(inet) == AddressClass.PUBLIC) {
                seen.put(text, inet);
            }
        }
    }

    /**
     * A GeoIP answer with data as an enrichment answer: the JSON is {@code IpDetailsJson}'s form
     * (country.isoCode, asn.number and organization, city, network, the database behind each field);
     * the source names each database that answered, {@code TYPE built DAY (FILE)}.
     */
    public static Optional<EnrichmentAnswer> geoip(GeoAnswer g, long nowMillis) {
        if (g.status() != GeoLookupStatus.FOUND) {
            return Optional.empty();
        }
        IpDetails d = new IpDetails(g.address(), g.classification(), g, List.of(), Optional.empty(), new RdapResult(g.address(),
                RdapResult.Status.NOT_ALLOWED, Optional.empty(), "", Optional.empty(), Optional.empty(), false, ""));
        return Optional.of(new EnrichmentAnswer(g.address(), EnrichmentAnswer.GEOIP, sourceOf(g), nowMillis,
                IpDetailsJson.toJson(d, false)));
    }

    /** The databases behind an answer, each once, sorted: {@code GeoLite2-ASN built 2026-02-04 (GeoLite2-ASN-Test.mmdb)}. */
    static String sourceOf(GeoAnswer g) {
        Set<String> sources = new TreeSet<>();
        for (FieldSource s : g.sources().values()) {
            sources.add(s.databaseType() + " built " + s.buildDay() + " (" + s.fileName() + ")");
        }
        return String.join("; ", sources);
    }

    /** A registration that was found (from the cache): source {@code REGISTRY URL}, time when it was fetched. */
    public static Optional<EnrichmentAnswer> rdap(RdapResult r) {
        if (r.status() != RdapResult.Status.FOUND) {
            return Optional.empty();
        }
        String source = (r.registry() + " " + r.url().map(Object::toString).orElse("")).strip();
        long time = r.fetchedAt().map(java.time.Instant::toEpochMilli).orElse(0L);
        return Optional.of(new EnrichmentAnswer(r.address(), EnrichmentAnswer.RDAP, source, time, IpDetailsJson.rdapToJson(r)));
    }

    /** A reverse DNS answer with names or a definite "no name"; failures and "off" are not answers worth keeping. */
    public static Optional<EnrichmentAnswer> reverseDns(ReverseDnsAnswer a) {
        if (a.status() != ReverseDnsAnswer.Status.FOUND && a.status() != ReverseDnsAnswer.Status.NO_NAME) {
            return Optional.empty();
        }
        return Optional.of(new EnrichmentAnswer(a.address(), RDNS, "reverse DNS", a.resolvedAt().toEpochMilli(),
                IpDetailsJson.reverseDnsToJson(a)));
    }

    /**
     * The fresh answers, then the earlier ones about an address and kind that no fresh answer
     * covers (an RDAP answer fetched on another machine, a GeoIP answer of a database no longer
     * installed): re-saving a workspace never loses what it held.
     */
    public static List<EnrichmentAnswer> merged(List<EnrichmentAnswer> fresh, List<EnrichmentAnswer> earlier) {
        Set<String> covered = new HashSet<>();
        fresh.forEach(a -> covered.add(a.kind() + " " + a.address()));
        List<EnrichmentAnswer> out = new ArrayList<>(fresh);
        earlier.stream().filter(a -> !covered.contains(a.kind() + " " + a.address())).forEach(out::add);
        return out;
    }
}
