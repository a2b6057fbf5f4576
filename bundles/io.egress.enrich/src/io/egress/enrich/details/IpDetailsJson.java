package io.egress.enrich.details;

import io.egress.core.json.JsonWriter;
import io.egress.enrich.geo.AnonymityFlag;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.names.ReverseDnsAnswer;
import io.egress.enrich.rdap.RdapNetwork;
import io.egress.enrich.rdap.RdapResult;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of {@link IpDetails}, shared by {@code egress ip --format json} and the editor's "copy as JSON".
 * Every documented member is always present (null when unknown), so that scripts can rely on the shape.
 */
public final class IpDetailsJson {
    private IpDetailsJson() {
    }

    public static String toJson(IpDetails d, boolean includeRdap) {
        StringBuilder sb = new StringBuilder();
        write(new JsonWriter(sb, true), d, includeRdap);
        return sb.toString();
    }

    public static void write(JsonWriter w, IpDetails d, boolean includeRdap) {
        GeoAnswer g = d.geo();
        w.beginObject();
        w.field("address", d.address());
        w.field("class", d.addressClass().id());
        w.field("classMeaning", d.classMeaning());
        w.field("specialRange", d.classification().range());
        w.field("specialRangeName", d.classification().rangeName());
        w.field("geoStatus", g.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        country(w, "country", g.country());
        country(w, "registeredCountry", g.registeredCountry());
        w.name("subdivisions").beginArray();
        g.subdivisions().forEach(w::value);
        w.endArray();
        w.field("city", g.city().orElse(null));
        w.name("location");
        if (g.location().isPresent()) {
            var l = g.location().get();
            w.beginObject().field("latitude", l.latitude()).field("longitude", l.longitude());
            w.name("accuracyRadiusKm");
            if (l.accuracyRadiusKm().isPresent()) {
                w.value(l.accuracyRadiusKm().getAsInt());
            } else {
                w.nullValue();
            }
            w.endObject();
        } else {
            w.nullValue();
        }
        w.field("network", g.network().orElse(null));
        w.name("asn");
        if (g.asn().isPresent()) {
            w.beginObject().field("number", g.asn().get().number()).field("organization", g.asn().get().organization()).endObject();
        } else {
            w.nullValue();
        }
        w.field("isp", g.isp().orElse(null));
        w.name("anonymity");
        if (g.anonymity().isPresent()) {
            w.beginArray();
            g.anonymity().get().stream().map(AnonymityFlag::id).sorted().forEach(w::value);
            w.endArray();
        } else {
            w.nullValue();
        }
        names(w, d);
        if (includeRdap) {
            rdap(w, d.rdap());
        }
        sources(w, g.sources(), includeRdap ? Optional.of(d.rdap()) : Optional.empty());
        w.name("problems").beginArray();
        g.problems().forEach(w::value);
        d.reverseDns().filter(a -> !a.detail().isEmpty()).ifPresent(a -> w.value("reverse DNS: " + a.detail()));
        w.endArray();
        w.endObject();
    }

    /** The {@code rdap} member of {@link #write} alone, as one object (what a saved workspace keeps of an RDAP answer). */
    public static String rdapToJson(RdapResult r) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false);
        w.beginObject();
        rdap(w, r);
        w.endObject();
        return sb.toString();
    }

    /** A reverse DNS answer as JSON: address, status, names, resolvedAt, ttl, detail. */
    public static String reverseDnsToJson(ReverseDnsAnswer a) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false);
        w.beginObject().field("address", a.address()).field("status", a.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        w.name("names").beginArray();
        a.names().forEach(w::value);
        w.endArray();
        w.field("resolvedAt", a.resolvedAt().toString()).field("ttl", a.ttlSeconds());
        w.field("detail", a.detail().isEmpty() ? null : a.detail());
        w.endObject();
        return sb.toString();
    }

    private static void country(JsonWriter w, String name, Optional<GeoCountry> c) {
        w.name(name);
        if (c.isPresent()) {
            w.beginObject().field("isoCode", c.get().isoCode()).field("name", c.get().name()).endObject();
        } else {
            w.nullValue();
        }
    }

    private static void names(JsonWriter w, IpDetails d) {
        w.name("names").beginArray();
        for (ObservedName n : d.names()) {
            w.beginObject().field("name", n.name()).field("source", n.source().id()).field("observedAt", n.observedAt().toString());
            if (n.ttlSeconds() >= 0) {
                w.field("ttl", n.ttlSeconds());
            }
            w.endObject();
        }
        w.endArray();
    }

    private static void rdap(JsonWriter w, RdapResult r) {
        w.name("rdap").beginObject();
        w.field("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        w.field("registry", r.registry().isEmpty() ? null : r.registry());
        w.field("url", r.url().map(Object::toString).orElse(null));
        w.field("fetchedAt", r.fetchedAt().map(Instant::toString).orElse(null));
        w.field("fromCache", r.fromCache());
        w.field("message", r.message().isEmpty() ? null : r.message());
        if (r.network().isPresent()) {
            RdapNetwork n = r.network().get();
            w.field("handle", n.handle()).field("name", n.name()).field("type", n.type());
            w.field("startAddress", n.startAddress()).field("endAddress", n.endAddress());
            w.name("cidrs").beginArray();
            n.cidrs().forEach(w::value);
            w.endArray();
            w.field("country", n.country().orElse(null));
            w.field("registrant", n.registrant().orElse(null));
            w.field("abuseEmail", n.abuseEmail().orElse(null));
            w.field("registered", n.registered().map(Instant::toString).orElse(null));
            w.field("lastChanged", n.lastChanged().map(Instant::toString).orElse(null));
            w.field("parentHandle", n.parentHandle().orElse(null));
        }
        w.endObject();
    }

    private static void sources(JsonWriter w, Map<String, FieldSource> geoSources, Optional<RdapResult> rdap) {
        w.name("sources").beginObject();
        for (Map.Entry<String, FieldSource> e : new TreeMap<>(geoSources).entrySet()) {
            FieldSource s = e.getValue();
            w.name(e.getKey()).beginObject().field("databaseType", s.databaseType()).field("buildDate", s.buildDay())
                    .field("file", s.fileName()).endObject();
        }
        rdap.filter(r -> r.status() == RdapResult.Status.FOUND).ifPresent(r -> {
            w.name("rdap").beginObject().field("registry", r.registry()).field("url", r.url().map(Object::toString).orElse(null))
                    .field("fetchedAt", r.fetchedAt().map(Instant::toString).orElse(null)).endObject();
        });
        w.endObject();
    }
}
