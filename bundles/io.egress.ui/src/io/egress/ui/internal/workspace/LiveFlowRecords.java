package io.egress.ui.internal.workspace;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.egress.core.flow.Flow;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import io.egress.ui.internal.session.SavedLiveCapture;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.ProcessAttribution;
import io.egress.workspace.WorkspaceContent;

/**
 * A live capture's flows as workspace flows of capture -1 and back, without any UI. A flow whose
 * owner was found keeps it as a {@link ProcessAttribution} with the process snapshot in
 * {@link WorkspaceContent#processes()}, so the command line's diff and export see the programs. What
 * only the Connections view shows (pending, unattributed or "owner not visible (uid N)", and the delay
 * from the first packet to the answer) is kept in the view state under {@code live.owners}, one
 * entry per flow in order: {@code STATE,METHOD,CONFIDENCE,DELAY_MICROS,UID} separated by {@code ;}.
 */
public final class LiveFlowRecords {
    static final String SAVED = "live.saved";
    static final String INTERFACES = "live.interfaces";
    static final String OWNERS = "live.owners";

    private LiveFlowRecords() {
    }

    /** Adds the live flows with ids from {@code firstId} on (after the captures' flows) and their processes. */
    public static void add(WorkspaceContent.Builder b, long firstId, SavedLiveCapture live) {
        long id = firstId;
        Map<ProcessKey, ProcessInfo> processes = new LinkedHashMap<>();
        StringBuilder owners = new StringBuilder();
        for (AttributedFlow af : live.flows()) {
            FlowOwner owner = af.owner();
            Optional<ProcessAttribution> attribution = Optional.empty();
            if (owner.pid().isPresent()) {
                ProcessInfo p = owner.process().orElse(ProcessInfo.onlyPid(owner.pid().getAsLong()));
                processes.putIfAbsent(p.key(), p);
                attribution = Optional.of(new ProcessAttribution(p.key(), owner.attribution().method().id(), owner.attribution().confidence().id()));
            }
            b.flow(new FlowRecord(id++, -1, af.flow(), attribution));
            if (!owners.isEmpty()) {
                owners.append(';');
            }
            owners.append(owner.state().name().charAt(0)).append(',').append(owner.attribution().method().id()).append(',')
                    .append(owner.attribution().confidence().id()).append(',').append(owner.attribution().delay().toNanos() / 1000).append(',')
                    .append(owner.uid().orElse(-1));
        }
        processes.values().forEach(b::process);
        b.viewState(SAVED, Long.toString(live.savedMillis()));
        b.viewState(INTERFACES, live.interfaces());
        b.viewState(OWNERS, owners.toString());
    }

    /** The live flows of a workspace (capture -1), with their owners; empty when it has none. */
    public static Optional<SavedLiveCapture> of(WorkspaceContent content) {
        List<FlowRecord> records = content.flowsOf(-1);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Map<ProcessKey, ProcessInfo> processes = new HashMap<>();
        content.processes().forEach(p -> processes.putIfAbsent(p.key(), p));
        String[] owners = content.viewState().getOrDefault(OWNERS, "").split(";", -1);
        boolean ownersKnown = owners.length == records.size();
        List<AttributedFlow> flows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            FlowRecord r = records.get(i);
            flows.add(new AttributedFlow(r.flow(), owner(r, processes, ownersKnown ? owners[i] : "")));
        }
        long saved = parseLong(content.viewState().get(SAVED), 0);
        return Optional.of(new SavedLiveCapture(flows, content.viewState().getOrDefault(INTERFACES, ""), saved));
    }

    private static FlowOwner owner(FlowRecord r, Map<ProcessKey, ProcessInfo> processes, String entry) {
        String[] f = entry.split(",", -1);
        boolean parsed = f.length == 5;
        OwnerState state = parsed ? state(f[0].isEmpty() ? ' ' : f[0].charAt(0)) : r.attribution().isPresent() ? OwnerState.ATTRIBUTED : OwnerState.UNATTRIBUTED;
        AttributionMethod method = method(parsed ? f[1] : r.attribution().map(ProcessAttribution::method).orElse(AttributionMethod.NONE.id()));
        Confidence confidence = confidence(parsed ? f[2] : r.attribution().map(ProcessAttribution::confidence).orElse(Confidence.NONE.id()));
        Duration delay = Duration.ofNanos(parsed ? parseLong(f[3], 0) * 1000 : 0);
        int uid = parsed ? (int) parseLong(f[4], -1) : -1;
        if (state == OwnerState.PENDING) {
            return FlowOwner.PENDING;
        }
        Attribution attribution = new Attribution(method, confidence, delay, "");
        Optional<ProcessInfo> process = r.attribution().map(a -> processes.getOrDefault(a.process(), ProcessInfo.onlyPid(a.process().pid())));
        OptionalLong pid = r.attribution().map(a -> OptionalLong.of(a.process().pid())).orElse(OptionalLong.empty());
        if (uid < 0) {
            uid = process.map(ProcessInfo::uid).orElse(-1);
        }
        Optional<SocketEntry> socket = socket(r.flow(), uid, pid);
        if (socket.isEmpty() || (pid.isEmpty() && uid < 0)) {
            return new FlowOwner(state, Optional.empty(), attribution);
        }
        return new FlowOwner(state, Optional.of(new Connection(socket.get(), process, attribution)), attribution);
    }

    /** The socket as far as the flow tells it: protocol, the two ends, the owner's uid and pid. */
    private static Optional<SocketEntry> socket(Flow f, int uid, OptionalLong pid) {
        Protocol protocol = f.protocol() == IpProtocols.TCP ? Protocol.TCP : f.protocol() == IpProtocols.UDP ? Protocol.UDP : null;
        if (protocol == null) {
            return Optional.empty();
        }
        var local = IpAddresses.toInet(f.initiator());
        var remote = IpAddresses.toInet(f.responder());
        IpFamily family = local instanceof Inet4Address ? IpFamily.IPV4 : IpFamily.IPV6;
        if ((remote instanceof Inet4Address) != (family == IpFamily.IPV4)) {
            return Optional.empty();
        }
        return Optional.of(new SocketEntry(protocol, family, false, local, f.initiatorPort(), remote, f.responderPort(), SocketState.UNKNOWN, uid, 0,
                pid, OptionalLong.empty()));
    }

    private static OwnerState state(char c) {
        for (OwnerState s : OwnerState.values()) {
            if (s.name().charAt(0) == c) {
                return s;
            }
        }
        return OwnerState.UNATTRIBUTED;
    }

    private static AttributionMethod method(String id) {
        for (AttributionMethod m : AttributionMethod.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return AttributionMethod.NONE;
    }

    private static Confidence confidence(String id) {
        for (Confidence c : Confidence.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return Confidence.NONE;
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
