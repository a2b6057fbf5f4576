package io.egress.detect.internal.backtest;

import io.egress.capture.pcap.PcapWriter;
import io.egress.detect.internal.detectors.BeaconingDetector;
import io.egress.detect.internal.detectors.DirectIpDetector;
import io.egress.detect.internal.detectors.LongConnectionDetector;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a labelled set of synthetic captures for the backtest: one capture per beacon setting
 * (interval 10 s to 1 h, jitter 0-30 %, with and without size variation, carried as one TCP
 * connection per contact to an address or to a looked-up name, or as bursts in one long UDP flow),
 * each inside a day-like mix of benign traffic: browsing sessions (DNS lookups then bursts of TLS
 * connections to popular sites), long downloads, NTP polls every 1024 s and, in every fourth
 * capture, a mail client polling IMAP every 5 minutes (benign but truly periodic: it is left
 * unlabelled on purpose, so flagging it counts as a false positive). Deterministic for a seed.
 * <p>
 * Usage: {@code LabelledSetGenerator OUTPUT_DIR [SEED]}; writes {@code *.pcap} and {@code labels.tsv}.
 */
public final class LabelledSetGenerator {
    static final int[] INTERVALS = {10, 60, 300, 900, 3600};
    static final double[] JITTERS = {0, 0.1, 0.2, 0.3};
    private static final byte[] CLIENT = {(byte) 192, (byte) 168, 1, 10};
    private static final byte[] RESOLVER = {(byte) 192, (byte) 168, 1, 1};
    private static final byte[] NTP_SERVER = {(byte) 162, (byte) 159, (byte) 200, 1};
    private static final byte[] IMAP_SERVER = {(byte) 212, (byte) 227, 15, 60};
    private static final long SECOND = 1_000_000_000L;
    private static final int SITES = 300;

    private enum Style { TCP_TO_ADDRESS, TCP_TO_NAME, UDP_BURSTS }

    private final SplittableRandom random;
    private final List<byte[]> siteAddresses = new ArrayList<>();
    private int nextPort = 40000;

    private LabelledSetGenerator(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < SITES; i++) {
            siteAddresses.add(new byte[] {(byte) (23 + random.nextInt(80)), (byte) random.nextInt(256), (byte) random.nextInt(256),
                    (byte) (1 + random.nextInt(250))});
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LabelledSetGenerator OUTPUT_DIR [SEED]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 6;
        List<String> labels = generate(Path.of(args[0]), seed);
        System.out.println("wrote " + labels.size() + " labelled captures and labels.tsv to " + args[0]);
    }

    /** Writes the set and its labels file; returns the label lines written for generated captures. */
    public static List<String> generate(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        LabelledSetGenerator g = new LabelledSetGenerator(seed);
        List<String> lines = new ArrayList<>();
        int index = 0;
        for (int interval : INTERVALS) {
            for (double jitter : JITTERS) {
                for (boolean sizeVaries : new boolean[] {false, true}) {
                    lines.add(g.capture(dir, index++, interval, jitter, sizeVaries));
                }
            }
        }
        List<String> all = new ArrayList<>();
        all.add("# capture\tdetector\tindicator\tstart (epoch seconds)\ttags");
        all.addAll(lines);
        // The shared captures, when the run script passes them: their known beacons.
        all.add("zeek-quic-merlinc2-beacon.pcapng\t" + BeaconingDetector.ID + "\t24.199.110.233\t1735767286.951851\tsource=shared;interval=15;jitter=0.01");
        all.add("zeek-ticks-dns-1hr.pcap\t" + BeaconingDetector.ID + "\t8.8.8.8\t629503200\tsource=shared;interval=3600;jitter=0");
        Files.write(dir.resolve("labels.tsv"), all, StandardCharsets.UTF_8);
        return lines;
    }

    private String capture(Path dir, int index, int interval, double jitter, boolean sizeVaries) throws IOException {
        long start = (1_700_000_000L + index * 86_400L) * SECOND;
        long duration = Math.max(2 * 3600, Math.min(11 * 3600, interval * 10L)) * SECOND;
        long end = start + duration;
        Style style = Style.values()[index % 3];
        SyntheticPackets p = new SyntheticPackets();
        browsing(p, start, end);
        downloads(p, start, end);
        periodic(p, NTP_SERVER, 123, 1024, start, end, true);
        if (index % 4 == 3) {
            periodic(p, IMAP_SERVER, 993, 300, start, end, false);
        }
        byte[] c2 = {45, 77, (byte) random.nextInt(256), (byte) (1 + random.nextInt(250))};
        String c2Name = "cdn" + random.nextInt(1000) + ".sync-update.net";
        long first = start + (long) (random.nextDouble() * 0.1 * duration);
        beacon(p, style, c2, c2Name, first, end, interval, jitter, sizeVaries);

        String name = String.format(Locale.ROOT, "beacon-%04ds-j%02d-%s-%s.pcap", interval, Math.round(jitter * 100),
                sizeVaries ? "sizevar" : "sizefix", style.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
                PcapWriter writer = new PcapWriter(out, 1)) {
            p.writeTo(writer);
        }
        String address = io.egress.core.net.IpAddresses.format(c2);
        String indicator = address + (style == Style.TCP_TO_NAME ? "," + c2Name : "");
        String tags = "\tsource=generated;style=" + style.name().toLowerCase(Locale.ROOT) + ";interval=" + interval + ";jitter=" + jitter
                + ";sizes=" + (sizeVaries ? "vary" : "fixed");
        StringBuilder lines = new StringBuilder(name + "\t" + BeaconingDetector.ID + "\t" + indicator + "\t" + (first / SECOND) + tags);
        // The same implant is also a direct-IP contact (no DNS) and, as one UDP flow, a long connection.
        if (style != Style.TCP_TO_NAME) {
            lines.append('\n').append(name).append('\t').append(DirectIpDetector.ID).append('\t').append(address).append('\t')
                    .append(first / SECOND).append(tags);
        }
        if (style == Style.UDP_BURSTS) {
            lines.append('\n').append(name).append('\t').append(LongConnectionDetector.ID).append('\t').append(address).append('\t')
                    .append(first / SECOND).append(tags);
        }
        return lines.toString();
    }

    private void beacon(SyntheticPackets p, Style style, byte[] c2, String c2Name, long first, long end, int interval, double jitter,
            boolean sizeVaries) {
        int udpPort = port();
        long t = first;
        boolean firstContact = true;
        while (t < end) {
            int request = sizeVaries ? 200 + random.nextInt(1800) : 350;
            int response = sizeVaries ? 100 + random.nextInt(4900) : 250;
            switch (style) {
                case TCP_TO_ADDRESS -> p.tcpConversation(t, CLIENT, port(), c2, 443, request, response);
                case TCP_TO_NAME -> {
                    p.dnsLookup(t, CLIENT, port(), RESOLVER, c2Name, 1, c2);
                    p.tcpConversation(t + 40_000_000L, CLIENT, port(), c2, 443, request, response);
                }
                case UDP_BURSTS -> {
                    int packets = firstContact ? 6 : 3;
                    for (int i = 0; i < packets; i++) {
                        boolean out = i % 2 == 0;
                        p.udp(t + i * 30_000_000L, out ? CLIENT : c2, out ? udpPort : 443, out ? c2 : CLIENT, out ? 443 : udpPort,
                                new byte[Math.min(1300, (out ? request : response) / 2 + 40)]);
                    }
                }
            }
            firstContact = false;
            t += (long) (interval * SECOND * (1 + jitter * (2 * random.nextDouble() - 1)));
        }
    }

    /** Sessions of page visits: each visit looks the site up (unless cached) and opens a few connections. */
    private void browsing(SyntheticPackets p, long start, long end) {
        Map<Integer, Long> cachedUntil = new HashMap<>();
        long t = start + exponential(900);
        while (t < end) {
            int visits = 1 + (int) exponential(5);
            long v = t;
            for (int i = 0; i < visits && v < end; i++) {
                int site = zipfSite();
                byte[] address = siteAddresses.get(site);
                if (cachedUntil.getOrDefault(site, 0L) < v) {
                    p.dnsLookup(v, CLIENT, port(), RESOLVER, "www.site" + site + ".com", 1, address);
                    cachedUntil.put(site, v + 300 * SECOND);
                    v += 30_000_000L;
                }
                int connections = 1 + random.nextInt(6);
                for (int c = 0; c < connections; c++) {
                    p.tcpConversation(v + random.nextInt(3000) * 1_000_000L, CLIENT, port(), address, 443, 300 + random.nextInt(1700),
                            2000 + random.nextInt(200_000));
                }
                v += exponential(40);
            }
            t = v + exponential(900);
        }
    }

    /** A few long downloads: one connection streaming for minutes. */
    private void downloads(SyntheticPackets p, long start, long end) {
        long t = start + exponential(3 * 3600);
        while (t < end) {
            int site = random.nextInt(SITES);
            byte[] server = siteAddresses.get(site);
            p.dnsLookup(t - 50_000_000L, CLIENT, port(), RESOLVER, "dl.site" + site + ".com", 1, server);
            int port = port();
            long length = (120 + random.nextInt(1080)) * SECOND;
            p.tcpConversation(t, CLIENT, port, server, 443, 400, 1400);
            for (long s = t + SECOND; s < t + length && s < end; s += 250_000_000L) {
                p.tcp(s, server, 443, CLIENT, port, SyntheticPackets.ACK, 60_000);
            }
            t += length + exponential(3 * 3600);
        }
    }

    private void periodic(SyntheticPackets p, byte[] server, int serverPort, int every, long start, long end, boolean udp) {
        long t = start + random.nextInt(every) * SECOND;
        if (!udp) {
            p.dnsLookup(t - 50_000_000L, CLIENT, port(), RESOLVER, "imap.mail-provider.net", 1, server);
        }
        while (t < end) {
            if (udp) {
                int port = port();
                p.udp(t, CLIENT, port, server, serverPort, new byte[48]);
                p.udp(t + 20_000_000L, server, serverPort, CLIENT, port, new byte[48]);
            } else {
                p.tcpConversation(t, CLIENT, port(), server, serverPort, 180, 120);
            }
            t += every * SECOND + random.nextInt(2000) * 1_000_000L;
        }
    }

    private int zipfSite() {
        // Zipf-like popularity: a few sites get most visits, as in real browsing.
        double u = random.nextDouble();
        return Math.min(SITES - 1, (int) Math.floor(Math.pow(SITES + 1.0, u)) - 1);
    }

    private long exponential(double meanSeconds) {
        return (long) (-Math.log(1 - random.nextDouble()) * meanSeconds * SECOND);
    }

    private int port() {
        nextPort = nextPort >= 60999 ? 40000 : nextPort + 1;
        return nextPort;
    }
}
