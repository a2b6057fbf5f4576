package io.egress.cli.internal.ip;

import io.egress.enrich.details.IpDetails;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.rdap.RdapNetwork;
import io.egress.enrich.rdap.RdapResult;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The human-readable form of {@code egress ip}: one row per address, then RDAP, sources and problems. */
final class IpTable {
    private static final String NONE = "-";
    private static final List<String> HEADER = List.of("ADDRESS", "CLASS", "COUNTRY", "CITY", "LOCATION", "ASN", "ORGANIZATION", "FLAGS", "NAMES");

    private IpTable() {
    }

    static void print(List<IpDetails> all, boolean withRdap, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (IpDetails d : all) {
            rows.add(row(d));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(i == r.size() - 1 ? r.get(i) : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r.get(i)));
            }
            out.println(sb.toString().stripTrailing());
        }
        for (IpDetails d : all) {
            if (withRdap) {
                out.println();
                out.println(d.address() + " RDAP: " + rdap(d.rdap()));
            }
        }
        printSources(all, out);
        for (IpDetails d : all) {
            d.geo().problems().forEach(p -> out.println("problem: " + d.address() + ": " + p));
            d.reverseDns().filter(a -> !a.detail().isEmpty()).ifPresent(a -> out.println("reverse DNS: " + d.address() + ": " + a.detail()));
        }
    }

    private static List<String> row(IpDetails d) {
        GeoAnswer g = d.geo();
        String country = g.country().map(c -> (c.isoCode() + " " + c.name()).strip()).orElse(NONE);
        String loc = g.location().map(l -> String.format(Locale.ROOT, "%.4f,%.4f", l.latitude(), l.longitude())).orElse(NONE);
        String asn = g.asn().map(a -> "AS" + a.number()).orElse(NONE);
        String org = g.asn().map(a -> a.organization()).filter(o -> !o.isEmpty()).orElse(NONE);
        String names = d.names().isEmpty() ? NONE
                : d.names().stream().map(n -> n.name() + " (" + n.source().id() + ")").distinct().collect(Collectors.joining(", "));
        String flags = g.anonymity().filter(f -> !f.isEmpty())
                .map(f -> f.stream().map(x -> x.id().replace("is_", "")).sorted().collect(Collectors.joining(","))).orElse(NONE);
        return List.of(d.address(), d.addressClass().id(), country, g.city().orElse(NONE), loc, asn, org, flags, names);
    }

    private static String rdap(RdapResult r) {
        if (r.network().isEmpty()) {
            return r.status().name().toLowerCase(Locale.ROOT).replace('_', '-') + (r.message().isEmpty() ? "" : ": " + r.message());
        }
        RdapNetwork n = r.network().get();
        List<String> parts = new ArrayList<>();
        parts.add(n.name() + " (" + n.handle() + ")");
        parts.add(n.startAddress() + " - " + n.endAddress() + (n.cidrs().isEmpty() ? "" : " " + n.cidrs()));
        n.country().ifPresent(c -> parts.add("country " + c));
        n.registrant().ifPresent(o -> parts.add("registrant " + o));
        n.abuseEmail().ifPresent(e -> parts.add("abuse " + e));
        n.registered().ifPresent(t -> parts.add("registered " + day(t)));
        n.lastChanged().ifPresent(t -> parts.add("changed " + day(t)));
        parts.add("from " + r.registry() + (r.fromCache() ? " (cached, " : " (") + "fetched " + r.fetchedAt().map(Instant::toString).orElse("?") + ")");
        return String.join("; ", parts);
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }

    private static void printSources(List<IpDetails> all, PrintStream out) {
        Map<String, List<String>> fieldsBySource = new TreeMap<>();
        for (IpDetails d : all) {
            d.geo().sources().forEach((field, s) -> {
                List<String> fields = fieldsBySource.computeIfAbsent(describe(s), k -> new ArrayList<>());
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            });
            for (ObservedName n : d.names()) {
                fieldsBySource.computeIfAbsent(n.source().description(), k -> new ArrayList<>(List.of("names")));
            }
        }
        if (fieldsBySource.isEmpty()) {
            return;
        }
        out.println();
        out.println("Sources:");
        fieldsBySource.forEach((source, fields) -> out.println("  " + String.join(", ", fields) + ": " + source));
    }

    private static String describe(FieldSource s) {
        return s.databaseType() + " built " + s.buildDay() + " (" + s.fileName() + ")";
    }
}
