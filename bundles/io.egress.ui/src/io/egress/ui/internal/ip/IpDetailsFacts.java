package io.egress.ui.internal.ip;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.details.IpDetails;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoLookupStatus;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.rdap.RdapNetwork;
import io.egress.enrich.rdap.RdapResult;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.ip.FactsGroup.Fact;

/** Turns the enrichment view model and the session's activity into the editor's sections. */
final class IpDetailsFacts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of("UTC"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz").withZone(ZoneId.systemDefault());

    private IpDetailsFacts() {
    }

    static List<Fact> address(IpDetails d) {
        List<Fact> out = new ArrayList<>();
        out.add(new Fact(Messages.ip_address, d.address()));
        out.add(new Fact(Messages.ip_class, d.addressClass().id() + ": " + d.classMeaning()));
        if (d.classification().rangeName() != null) {
            out.add(new Fact(Messages.ip_range, d.classification().range() + " " + d.classification().rangeName()));
        }
        return out;
    }

    static List<Fact> location(GeoAnswer g) {
        List<Fact> out = new ArrayList<>();
        out.add(new Fact(Messages.ip_geoStatus, geoStatus(g)));
        g.country().ifPresent(c -> out.add(new Fact(Messages.ip_country, c.isoCode() + " " + c.name())));
        g.registeredCountry().ifPresent(c -> out.add(new Fact(Messages.ip_registeredCountry, c.isoCode() + " " + c.name())));
        if (!g.subdivisions().isEmpty()) {
            out.add(new Fact(Messages.ip_subdivisions, String.join(", ", g.subdivisions())));
        }
        g.city().ifPresent(c -> out.add(new Fact(Messages.ip_city, c)));
        g.location().ifPresent(l -> out.add(new Fact(Messages.ip_position, String.format("%.4f, %.4f%s", l.latitude(), l.longitude(),
                l.accuracyRadiusKm().isPresent() ? " (\u00b1" + l.accuracyRadiusKm().getAsInt() + " km)" : ""))));
        g.problems().forEach(p -> out.add(new Fact(Messages.ip_problem, p)));
        return out;
    }

    /** "found" says which fields: an ASN-only answer is no location. */
    static String geoStatus(GeoAnswer g) {
        if (g.status() != GeoLookupStatus.FOUND) {
            return g.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        String fields = String.join(", ", g.sources().keySet());
        return NLS.bind(g.hasLocation() ? Messages.ip_geoFound : Messages.ip_geoNoLocation, fields);
    }

    static List<Fact> network(GeoAnswer g) {
        List<Fact> out = new ArrayList<>();
        g.asn().ifPresent(a -> out.add(new Fact(Messages.ip_asn, "AS" + a.number() + " " + a.organization())));
        g.isp().ifPresent(i -> out.add(new Fact(Messages.ip_isp, i)));
        g.network().ifPresent(n -> out.add(new Fact(Messages.ip_network, n)));
        g.anonymity().ifPresent(a -> out.add(new Fact(Messages.ip_anonymity, a.isEmpty() ? "-" : a.toString())));
        for (Map.Entry<String, FieldSource> e : g.sources().entrySet()) {
            FieldSource s = e.getValue();
            out.add(new Fact(NLS.bind(Messages.ip_sourceOf, e.getKey()), s.databaseType() + " " + DAY.format(s.buildDate()) + " (" + s.fileName() + ")"));
        }
        if (out.isEmpty()) {
            out.add(new Fact("", Messages.ip_noNetwork));
        }
        return out;
    }

    static List<Fact> names(IpDetails d) {
        List<Fact> out = new ArrayList<>();
        for (ObservedName n : d.names()) {
            out.add(new Fact(n.name(), n.source().description() + (n.observedAt().getEpochSecond() > 0 ? ", " + TIME.format(n.observedAt()) : "")));
        }
        d.reverseDns().ifPresent(r -> out.add(new Fact(Messages.ip_reverseDns, r.toString())));
        if (out.isEmpty()) {
            out.add(new Fact("", Messages.ip_noNames));
        }
        return out;
    }

    static List<Fact> rdap(RdapResult r) {
        List<Fact> out = new ArrayList<>();
        out.add(new Fact(Messages.ip_rdapStatus, r.status().name().toLowerCase(java.util.Locale.ROOT) + (r.message().isEmpty() ? "" : ": " + r.message())));
        if (!r.registry().isEmpty()) {
            out.add(new Fact(Messages.ip_registry, r.registry()));
        }
        r.network().ifPresent(n -> addNetwork(out, n));
        r.fetchedAt().ifPresent(t -> out.add(new Fact(Messages.ip_fetched, TIME.format(t) + (r.fromCache() ? " " + Messages.ip_fromCache : ""))));
        return out;
    }

    private static void addNetwork(List<Fact> out, RdapNetwork n) {
        out.add(new Fact(Messages.ip_rdapName, n.name() + " (" + n.handle() + ")"));
        out.add(new Fact(Messages.ip_rdapRange, n.startAddress() + " - " + n.endAddress() + (n.cidrs().isEmpty() ? "" : " " + n.cidrs())));
        n.country().ifPresent(c -> out.add(new Fact(Messages.ip_country, c)));
        n.registrant().ifPresent(o -> out.add(new Fact(Messages.ip_registrant, o)));
        n.abuseEmail().ifPresent(a -> out.add(new Fact(Messages.ip_abuse, a)));
        n.registered().ifPresent(t -> out.add(new Fact(Messages.ip_registered, DAY.format(t))));
        n.lastChanged().ifPresent(t -> out.add(new Fact(Messages.ip_changed, DAY.format(t))));
    }

    static List<Fact> talkers(String address, AddressActivity activity, ConnectionsView live) {
        List<Fact> out = new ArrayList<>();
        if (live != null) {
            for (ProcessGroup g : live.groups()) {
                List<ConnectionRow> rows = g.rows().stream()
                        .filter(r -> !r.isClosed() && IpAddresses.format(r.judgedAddress()).equals(address)).toList();
                if (!rows.isEmpty()) {
                    out.add(new Fact(g.label() + g.process().map(p -> " (" + p.pid() + ")").orElse(""),
                            NLS.bind(Messages.ip_liveConnections, rows.size(), g.process().map(p -> p.exePath()).orElse(""))));
                }
            }
        }
        for (Map.Entry<String, Integer> e : activity.peers().entrySet()) {
            out.add(new Fact(e.getKey(), NLS.bind(Messages.ip_captureFlows,
                    io.egress.ui.internal.Counted.of(e.getValue(), Messages.count_flows_one, Messages.count_flows_other))));
        }
        if (out.isEmpty()) {
            out.add(new Fact("", Messages.ip_noTalkers));
        }
        return out;
    }

    static List<Fact> findings(String address, io.egress.ui.internal.session.Investigation investigation) {
        List<Fact> out = new ArrayList<>();
        for (var capture : investigation.captures()) {
            investigation.report(capture).ifPresent(r -> r.findings().stream().filter(f -> f.evidence().mentions(address))
                    .forEach(f -> out.add(new Fact(f.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + f.score(), f.title()))));
        }
        if (out.isEmpty()) {
            out.add(new Fact("", Messages.ip_noFindings));
        }
        return out;
    }

    static String flowsText(AddressActivity activity) {
        String list = activity.flows().stream().map(Flow::toString).collect(Collectors.joining("\n"));
        if (activity.totalFlows() > activity.flows().size()) {
            list += "\n" + NLS.bind(Messages.ip_moreFlows, activity.totalFlows() - activity.flows().size());
        }
        return list.isEmpty() ? Messages.ip_noFlows : list;
    }
}
