package io.egress.enrich.rdap;

import io.egress.core.net.Cidr;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.json.Json;
import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.json.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which registry answers RDAP for an address or AS number, from IANA bootstrap files (RFC 9224:
 * {@code ipv4.json}, {@code ipv6.json}, {@code asn.json}). A copy ships with Egress (reconstructed
 * from IANA's allocations); {@link #fromDirectory(Path)} reads fresher files downloaded from
 * https://data.iana.org/rdap/. Immutable.
 */
public final class RdapBootstrap {
    private record NetEntry(Cidr cidr, URI base) {
    }

    private record AsnEntry(long first, long last, URI base) {
    }

    private final List<NetEntry> networks;
    private final List<AsnEntry> asns;
    private final String publication;

    private RdapBootstrap(List<NetEntry> networks, List<AsnEntry> asns, String publication) {
        List<NetEntry> sorted = new ArrayList<>(networks);
        sorted.sort(Comparator.comparingInt((NetEntry e) -> e.cidr().prefixLength()).reversed());
        this.networks = List.copyOf(sorted);
        this.asns = List.copyOf(asns);
        this.publication = publication;
    }

    /** The copy shipped in this bundle. */
    public static RdapBootstrap builtIn() {
        try {
            return parse(resource("ipv4.json"), resource("ipv6.json"), resource("asn.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the bootstrap shipped in io.egress.enrich is unreadable", e);
        }
    }

    /** Reads ipv4.json, ipv6.json and asn.json from a folder; a file that is missing there comes from the shipped copy. */
    public static RdapBootstrap fromDirectory(Path dir) throws IOException {
        return parse(fileOrResource(dir, "ipv4.json"), fileOrResource(dir, "ipv6.json"), fileOrResource(dir, "asn.json"));
    }

    /**
     * A copy of this bootstrap where the tables present in one downloaded file (ipv4.json, ipv6.json or
     * asn.json, recognised by its entries) replace the current ones.
     */
    public RdapBootstrap withFile(Path file) throws IOException {
        Json.Obj root = root(Files.readString(file, StandardCharsets.UTF_8));
        List<Service> services = services(root);
        List<NetEntry> v4 = new ArrayList<>();
        List<NetEntry> v6 = new ArrayList<>();
        List<AsnEntry> asn = new ArrayList<>();
        for (Service s : services) {
            for (String key : s.keys()) {
                if (key.indexOf(':') >= 0 || key.indexOf('.') >= 0) {
                    NetEntry e = netEntry(key, s.base());
                    (e.cidr().isIpv4() ? v4 : v6).add(e);
                } else {
                    asn.add(asnEntry(key, s.base()));
                }
            }
        }
        List<NetEntry> nets = new ArrayList<>();
        nets.addAll(v4.isEmpty() ? networks.stream().filter(e -> e.cidr().isIpv4()).toList() : v4);
        nets.addAll(v6.isEmpty() ? networks.stream().filter(e -> !e.cidr().isIpv4()).toList() : v6);
        String pub = root.string("publication").orElse("");
        return new RdapBootstrap(nets, asn.isEmpty() ? asns : asn, pub.compareTo(publication) > 0 ? pub : publication);
    }

    private static NetEntry netEntry(String key, URI base) throws IOException {
        try {
            return new NetEntry(Cidr.parse(key), base);
        } catch (IllegalArgumentException e) {
            throw new IOException("bootstrap entry is not a CIDR: " + key, e);
        }
    }

    private static AsnEntry asnEntry(String key, URI base) throws IOException {
        String[] range = key.split("-");
        try {
            long first = Long.parseLong(range[0].trim());
            long last = range.length > 1 ? Long.parseLong(range[1].trim()) : first;
            return new AsnEntry(first, last, base);
        } catch (NumberFormatException e) {
            throw new IOException("bootstrap entry is not an AS range: " + key, e);
        }
    }

    /** @throws IOException when a document is not an RFC 9224 bootstrap file */
    public static RdapBootstrap parse(String ipv4Json, String ipv6Json, String asnJson) throws IOException {
        List<NetEntry> nets = new ArrayList<>();
        List<AsnEntry> asns = new ArrayList<>();
        String pub = "";
        for (String doc : List.of(ipv4Json, ipv6Json)) {
            Json.Obj root = root(doc);
            String p = root.string("publication").orElse("");
            pub = p.compareTo(pub) > 0 ? p : pub; // ISO-8601 text sorts by time: keep the newest
            for (Service s : services(root)) {
                for (String key : s.keys()) {
                    nets.add(netEntry(key, s.base()));
                }
            }
        }
        for (Service s : services(root(asnJson))) {
            for (String key : s.keys()) {
                asns.add(asnEntry(key, s.base()));
            }
        }
        return new RdapBootstrap(nets, asns, pub);
    }

    /** The registry's base URL (ending in '/') for the most specific entry holding the address. */
    public Optional<URI> baseUrlFor(InetAddress address) {
        byte[] raw = IpAddresses.unmapV4(address.getAddress());
        return networks.stream().filter(e -> e.cidr().contains(raw)).map(NetEntry::base).findFirst();
    }

    public Optional<URI> baseUrlForAsn(long asn) {
        return asns.stream().filter(e -> asn >= e.first() && asn <= e.last()).map(AsnEntry::base).findFirst();
    }

    /** The publication time stated in the files, as text. */
    public String publication() {
        return publication;
    }

    /** A short registry name for a base URL: ARIN, RIPE NCC, APNIC, LACNIC, AFRINIC, or the host name. */
    public static String registryName(URI base) {
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith("arin.net")) {
            return "ARIN";
        }
        if (host.endsWith("ripe.net")) {
            return "RIPE NCC";
        }
        if (host.endsWith("apnic.net")) {
            return "APNIC";
        }
        if (host.endsWith("lacnic.net")) {
            return "LACNIC";
        }
        if (host.endsWith("afrinic.net")) {
            return "AFRINIC";
        }
        return host;
    }

    private record Service(List<String> keys, URI base) {
    }

    private static List<Service> services(Json.Obj root) throws IOException {
        List<Service> out = new ArrayList<>();
        for (Json service : root.array("services")) {
            if (!(service instanceof Json.Arr pair) || pair.items().size() < 2
                    || !(pair.items().get(0) instanceof Json.Arr keys) || !(pair.items().get(1) instanceof Json.Arr urls)) {
                throw new IOException("bootstrap service is not [[keys], [urls]]");
            }
            URI base = preferredUrl(urls);
            List<String> k = new ArrayList<>();
            for (Json key : keys.items()) {
                if (key instanceof Json.Str s) {
                    k.add(s.value());
                }
            }
            out.add(new Service(k, base));
        }
        return out;
    }

    /** RFC 9224 lists several URLs per service; HTTPS is preferred. */
    private static URI preferredUrl(Json.Arr urls) throws IOException {
        URI fallback = null;
        for (Json u : urls.items()) {
            if (u instanceof Json.Str s) {
                String text = s.value().endsWith("/") ? s.value() : s.value() + "/";
                URI uri = URI.create(text);
                if ("https".equalsIgnoreCase(uri.getScheme())) {
                    return uri;
                }
                fallback = fallback == null ? uri : fallback;
            }
        }
        if (fallback == null) {
            throw new IOException("bootstrap service without a URL");
        }
        return fallback;
    }

    private static Json.Obj root(String doc) throws IOException {
        try {
            if (JsonParser.parse(doc) instanceof Json.Obj o) {
                return o;
            }
            throw new IOException("bootstrap file is not a JSON object");
        } catch (JsonParseException e) {
            throw new IOException("bootstrap file: " + e.getMessage(), e);
        }
    }

    private static String fileOrResource(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : resource(name);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RdapBootstrap.class.getResourceAsStream("bootstrap/" + name)) {
            if (in == null) {
                throw new IOException("missing resource bootstrap/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
