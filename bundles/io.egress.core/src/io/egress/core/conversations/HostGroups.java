package io.egress.core.conversations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;

/**
 * The connections view for a capture, which has no processes: flows grouped by the local host that
 * started them, then by where they went (one row per remote address and protocol), so the analyst
 * judges each destination once instead of once per flow.
 */
public final class HostGroups {

    /** One destination of a host: all flows to one remote address with one protocol. */
    public record Destination(String host, String remote, String protocol, AddressClass remoteClass, String ports, int flows,
            long packetsOut, long packetsIn, long bytesOut, long bytesIn, long firstNanos, long lastNanos, String names) {

        /** Stable identity across rebuilds, so a viewer keeps selection and expansion. */
        public String id() {
            return host + "|" + remote + "|" + protocol;
        }
    }

    /** A local host and its destinations, busiest first. */
    public record Host(String address, AddressClass addressClass, List<Destination> destinations) {
        public long flows() {
            return destinations.stream().mapToLong(Destination::flows).sum();
        }
    }

    private HostGroups() {
    }

    /** The {@link Destination#id()} of the destination a flow is grouped under. */
    public static String destinationIdOf(Flow flow) {
        return IpAddresses.format(flow.initiator()) + "|" + IpAddresses.format(flow.responder()) + "|" + IpProtocols.name(flow.protocol());
    }

    /** Groups every flow; text filtering happens later on the result, which is small. */
    public static List<Host> of(List<Flow> flows, Progress progress) {
        Map<String, Map<String, Acc>> byHost = new LinkedHashMap<>();
        int n = flows.size();
        for (int i = 0; i < n; i++) {
            if ((i & 0xfff) == 0) {
                progress.worked(i, n);
                if (progress.isCanceled()) {
                    break;
                }
            }
            Flow f = flows.get(i);
            String host = IpAddresses.format(f.initiator());
            String proto = IpProtocols.name(f.protocol());
            String remote = IpAddresses.format(f.responder());
            byHost.computeIfAbsent(host, h -> new LinkedHashMap<>())
                    .computeIfAbsent(remote + "|" + proto, k -> new Acc(f.responder(), proto))
                    .add(f);
        }
        List<Host> hosts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Acc>> e : byHost.entrySet()) {
            List<Destination> dests = new ArrayList<>();
            for (Acc a : e.getValue().values()) {
                dests.add(a.toDestination(e.getKey()));
            }
            dests.sort(Comparator.comparingLong((Destination d) -> d.bytesOut() + d.bytesIn()).reversed());
            hosts.add(new Host(e.getKey(), AddressClassifier.classOf(IpAddresses.parse(e.getKey())), List.copyOf(dests)));
        }
        // hosts of this network first (the machines under investigation), then by activity
        hosts.sort(Comparator.comparing((Host h) -> h.addressClass() == AddressClass.PUBLIC).thenComparing(Comparator.comparingLong(Host::flows).reversed()));
        return List.copyOf(hosts);
    }

    /** Keeps destinations whose host, remote, protocol, ports, class or names contain the text. */
    public static List<Host> filter(List<Host> hosts, String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return hosts;
        }
        List<Host> out = new ArrayList<>();
        for (Host h : hosts) {
            List<Destination> kept = h.destinations().stream().filter(d -> (h.address() + " " + d.remote() + " " + d.protocol() + " "
                    + d.ports() + " " + d.remoteClass().id() + " " + d.names()).toLowerCase(Locale.ROOT).contains(needle)).toList();
            if (!kept.isEmpty()) {
                out.add(new Host(h.address(), h.addressClass(), kept));
            }
        }
        return out;
    }

    /** Accumulates the flows of one destination. */
    private static final class Acc {
        private static final int MAX_PORTS_SHOWN = 8;
        private final byte[] remote;
        private final String protocol;
        private final Set<Integer> ports = new TreeSet<>();
        private final Set<String> names = new LinkedHashSet<>();
        private int flows;
        private long packetsOut;
        private long packetsIn;
        private long bytesOut;
        private long bytesIn;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        Acc(byte[] remote, String protocol) {
            this.remote = Arrays.copyOf(remote, remote.length);
            this.protocol = protocol;
        }

        void add(Flow f) {
            flows++;
            if (IpProtocols.hasPorts(f.protocol())) {
                ports.add(f.responderPort());
            }
            packetsOut += f.forward().packets();
            packetsIn += f.reverse().packets();
            bytesOut += f.forward().bytes();
            bytesIn += f.reverse().bytes();
            first = Math.min(first, f.firstNanos());
            last = Math.max(last, f.lastNanos());
            for (FlowName name : f.names()) {
                names.add(name.name());
            }
        }

        Destination toDestination(String host) {
            String portText = ports.stream().limit(MAX_PORTS_SHOWN).map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
            if (ports.size() > MAX_PORTS_SHOWN) {
                portText += ",... (" + ports.size() + ")";
            }
            return new Destination(host, IpAddresses.format(remote), protocol, AddressClassifier.classOf(IpAddresses.toInet(remote)),
                    portText, flows, packetsOut, packetsIn, bytesOut, bytesIn, first, last, String.join(", ", names));
        }
    }
}
