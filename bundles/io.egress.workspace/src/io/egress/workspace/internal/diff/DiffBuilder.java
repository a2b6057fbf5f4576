package io.egress.workspace.internal.diff;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.flow.TcpState;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.workspace.DiffReport;
import io.egress.workspace.DiffReport.ListeningPort;
import io.egress.workspace.DiffReport.NewDestination;
import io.egress.workspace.DiffReport.NewProcess;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.WorkspaceContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Computes a {@link DiffReport}. Programs are matched by executable and user, not pid: pids change between sessions. */
public final class DiffBuilder {
    private final WorkspaceContent baseline;
    private final WorkspaceContent current;

    public DiffBuilder(WorkspaceContent baseline, WorkspaceContent current) {
        this.baseline = baseline;
        this.current = current;
    }

    public DiffReport build() {
        return new DiffReport(newProcesses(), newDestinations(), newListeningPorts(), findings(current, baseline), findings(baseline, current));
    }

    private List<NewProcess> newProcesses() {
        Set<NewProcess> before = new HashSet<>();
        baseline.processes().forEach(p -> before.add(program(p)));
        Set<NewProcess> seen = new HashSet<>();
        List<NewProcess> out = new ArrayList<>();
        for (ProcessInfo p : current.processes()) {
            NewProcess program = program(p);
            if (p.hasDetails() && !before.contains(program) && seen.add(program)) {
                out.add(program);
            }
        }
        return out;
    }

    private static NewProcess program(ProcessInfo p) {
        return new NewProcess(p.name(), p.exePath(), p.user());
    }

    /** Destinations keyed by owner, then address. */
    private record Contacts(Map<String, Map<String, Destination>> byOwner) {
    }

    private static final class Destination {
        final Set<String> ports = new TreeSet<>();
        final Set<String> names = new TreeSet<>();
    }

    private List<NewDestination> newDestinations() {
        Contacts before = contacts(baseline);
        Contacts now = contacts(current);
        GeoAnswers geoBefore = new GeoAnswers(baseline.enrichment());
        GeoAnswers geoNow = new GeoAnswers(current.enrichment());
        List<NewDestination> out = new ArrayList<>();
        now.byOwner().forEach((owner, destinations) -> {
            Map<String, Destination> old = before.byOwner().getOrDefault(owner, Map.of());
            Set<String> oldAsns = new HashSet<>();
            Set<String> oldCountries = new HashSet<>();
            old.keySet().forEach(a -> {
                oldAsns.add(geoBefore.asn(a).isEmpty() ? geoNow.asn(a) : geoBefore.asn(a));
                oldCountries.add(geoBefore.country(a).isEmpty() ? geoNow.country(a) : geoBefore.country(a));
            });
            destinations.forEach((address, d) -> {
                if (!old.containsKey(address)) {
                    String asn = geoNow.asn(address);
                    String country = geoNow.country(address);
                    out.add(new NewDestination(owner, address, List.copyOf(d.ports), List.copyOf(d.names), asn, country,
                            !asn.isEmpty() && !oldAsns.contains(asn), !country.isEmpty() && !oldCountries.contains(country)));
                }
            });
        });
        return out;
    }

    private static Contacts contacts(WorkspaceContent content) {
        Map<ProcessKey, ProcessInfo> processes = new HashMap<>();
        content.processes().forEach(p -> processes.putIfAbsent(p.key(), p));
        Map<String, Map<String, Destination>> byOwner = new LinkedHashMap<>();
        for (FlowRecord r : content.flows()) {
            Flow f = r.flow();
            String address = IpAddresses.format(f.responder());
            Destination d = byOwner.computeIfAbsent(owner(r, processes), k -> new LinkedHashMap<>())
                    .computeIfAbsent(address, k -> new Destination());
            d.ports.add(IpProtocols.name(f.protocol()).toLowerCase(Locale.ROOT) + "/" + f.responderPort());
            f.names().stream().map(FlowName::name).forEach(d.names::add);
        }
        return new Contacts(byOwner);
    }

    private static String owner(FlowRecord r, Map<ProcessKey, ProcessInfo> processes) {
        if (r.attribution().isPresent()) {
            ProcessInfo p = processes.get(r.attribution().get().process());
            if (p != null && p.hasDetails()) {
                return p.name() + (p.exePath().isEmpty() ? "" : " (" + p.exePath() + ")");
            }
            return "pid " + r.attribution().get().process().pid();
        }
        return "host " + IpAddresses.format(r.flow().initiator());
    }

    /** Ports are compared by host, protocol and port; the owner only describes them. */
    private List<ListeningPort> newListeningPorts() {
        Set<String> before = new HashSet<>(listening(baseline).keySet());
        List<ListeningPort> out = new ArrayList<>();
        listening(current).forEach((key, port) -> {
            if (!before.contains(key)) {
                out.add(port);
            }
        });
        return out;
    }

    /** Local responders ({@code AddressClass.isLocal()}) whose port answered: a TCP handshake past the SYN, or UDP replies. */
    private static Map<String, ListeningPort> listening(WorkspaceContent content) {
        Map<ProcessKey, ProcessInfo> processes = new HashMap<>();
        content.processes().forEach(p -> processes.putIfAbsent(p.key(), p));
        Map<String, ListeningPort> ports = new LinkedHashMap<>();
        for (FlowRecord r : content.flows()) {
            Flow f = r.flow();
            boolean tcp = f.protocol() == IpProtocols.TCP;
            boolean answered = tcp ? f.tcpState() != TcpState.SYN_SENT && f.reverse().packets() > 0
                    : f.protocol() == IpProtocols.UDP && f.reverse().packets() > 0;
            if (!answered || !f.portsKnown() || !AddressClassifier.classOf(IpAddresses.toInet(f.responder())).isLocal()) {
                continue;
            }
            String host = IpAddresses.format(f.responder());
            String protocol = tcp ? "tcp" : "udp";
            String owner = r.attribution().isPresent() ? owner(r, processes) : "";
            ports.putIfAbsent(host + " " + protocol + "/" + f.responderPort(), new ListeningPort(host, protocol, f.responderPort(), owner));
        }
        return ports;
    }

    private static List<FindingRecord> findings(WorkspaceContent in, WorkspaceContent notIn) {
        Set<String> other = new HashSet<>();
        notIn.findings().forEach(f -> other.add(f.identity()));
        return in.findings().stream().filter(f -> !other.contains(f.identity())).toList();
    }
}
