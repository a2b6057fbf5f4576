package io.egress.cli.internal.ip;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.enrich.GeoIpFolders;
import io.egress.cli.internal.enrich.RdapCacheDir;
import io.egress.core.json.JsonWriter;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.details.IpDetails;
import io.egress.enrich.details.IpDetailsJson;
import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.details.LookupOptions;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapBootstrap;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapRequest;
import io.egress.enrich.rdap.RdapService;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code egress ip ADDRESS...}: GeoIP, ASN, names and (when allowed) RDAP for each address. */
public final class IpCommand implements Command {
    private static final String USAGE_LINE = "usage: egress ip ADDRESS... [--geoip-dir DIR]... [--online] [--rdns [--resolver IP[:PORT]]]\n"
            + "                 [--rdap-bootstrap FILE|DIR] [--rdap-cache DIR | --no-rdap-cache] [--format json|table]";

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public String summary() {
        return "who is this address: class, country, city, ASN, names, RDAP registration";
    }

    @Override
    public String help() {
        return USAGE_LINE + "\n\n"
                + "Looks each address literal up offline in the GeoIP databases (names are never resolved).\n"
                + "  --geoip-dir DIR        use the .mmdb files in DIR (repeatable) instead of $EGRESS_GEOIP_DIR and the\n"
                + "                         standard geoipupdate folders (/usr/share/GeoIP, /var/lib/GeoIP, ...)\n"
                + "  --online               allow RDAP queries to the address's registry (ARIN, RIPE NCC, APNIC,\n"
                + "                         LACNIC, AFRINIC); without it only cached RDAP answers are shown\n"
                + "  --rdns                 ask the DNS resolver for PTR names (tells it what you look at)\n"
                + "  --resolver IP[:PORT]   the resolver for --rdns (default: first nameserver of /etc/resolv.conf)\n"
                + "  --rdap-bootstrap PATH  an IANA bootstrap file (ipv4.json, ipv6.json, asn.json) or a folder of them\n"
                + "  --rdap-base-url URL    send RDAP queries to this server instead (plain http only to 127.0.0.1/::1)\n"
                + "  --rdap-cache DIR       where RDAP answers are kept (default: ~/.cache/egress/rdap)\n"
                + "  --no-rdap-cache        keep RDAP answers in memory only\n"
                + "  --format json|table    output format (default table)\n\n"
                + "Examples:\n"
                + "  egress ip 81.2.69.142 --geoip-dir ../shared/geoip --format json\n"
                + "  egress ip 24.199.110.233 2001:218::1 --online\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        IpOptions o;
        try {
            o = IpOptions.parse(args);
        } catch (IpOptions.UsageException e) {
            err.println("egress ip: " + e.getMessage());
            err.println(USAGE_LINE);
            return USAGE;
        }
        List<InetAddress> addresses = new ArrayList<>();
        boolean bad = false;
        for (String a : o.addresses()) {
            try {
                addresses.add(IpAddresses.parse(a));
            } catch (IllegalArgumentException e) {
                err.println("egress ip: " + e.getMessage() + " (give address literals; names are not resolved)");
                bad = true;
            }
        }
        RdapConfig rdapConfig;
        ReverseDnsConfig rdnsConfig;
        try {
            rdapConfig = rdapConfig(o);
            rdnsConfig = rdnsConfig(o);
        } catch (IOException | IllegalArgumentException e) {
            err.println("egress ip: " + e.getMessage());
            return FAILURE;
        }
        GeoIpConfig geoConfig = GeoIpFolders.config(o.geoipDirs());
        try (GeoIpService geo = GeoIpService.open(geoConfig);
                ReverseDnsService rdns = new ReverseDnsService(rdnsConfig);
                RdapService rdap = new RdapService(rdapConfig)) {
            GeoIpFolders.report(geo.catalogue(), err);
            IpDetailsService details = new IpDetailsService(geo, rdns, rdap);
            LookupOptions options = new LookupOptions(o.reverseDns(), RdapRequest.DEFAULT);
            List<CompletableFuture<IpDetails>> futures = addresses.stream().map(a -> details.describe(a, List.of(), options)).toList();
            List<IpDetails> results = futures.stream().map(CompletableFuture::join).toList();
            if (o.format().equals("json")) {
                printJson(results, o.online(), out);
            } else {
                IpTable.print(results, o.online(), out);
            }
        }
        return bad ? FAILURE : OK;
    }

    private static void printJson(List<IpDetails> results, boolean withRdap, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, true);
        w.beginArray();
        results.forEach(d -> IpDetailsJson.write(w, d, withRdap));
        w.endArray();
        out.print(sb);
    }

    private static RdapConfig rdapConfig(IpOptions o) throws IOException {
        RdapConfig c = RdapConfig.defaults().withNetworkAllowed(o.online());
        if (o.rdapBootstrap().isPresent()) {
            Path p = o.rdapBootstrap().get();
            c = c.withBootstrap(p.toFile().isDirectory() ? RdapBootstrap.fromDirectory(p) : RdapBootstrap.builtIn().withFile(p));
        }
        if (o.rdapBaseUrl().isPresent()) {
            c = c.withBaseUrlOverride(o.rdapBaseUrl().get());
        }
        if (!o.noRdapCache()) {
            c = c.withCacheDir(o.rdapCache().orElseGet(RdapCacheDir::defaultDir));
        }
        return c;
    }

    private static ReverseDnsConfig rdnsConfig(IpOptions o) {
        ReverseDnsConfig c = ReverseDnsConfig.defaults().withEnabled(o.reverseDns());
        if (o.resolver().isPresent()) {
            c = c.withResolver(resolver(o.resolver().get()));
        }
        return c;
    }

    /** "192.0.2.53", "192.0.2.53:5353", "[2001:db8::53]:53" or "2001:db8::53". */
    static InetSocketAddress resolver(String text) {
        String host = text;
        int port = 53;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            if (close + 1 < text.length() && text.charAt(close + 1) == ':') {
                port = Integer.parseInt(text.substring(close + 2));
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        return new InetSocketAddress(IpAddresses.parse(host), port);
    }
}
