package io.egress.workspace.internal.export;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.capture.pcap.PcapngWriter;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.progress.Progress;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.PacketExportResult;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the packets of selected flows as one pcapng file: each capture the flows came from is read
 * again (from its file, or from the packets embedded in the workspace when the file is gone), every
 * frame decoded to its flow key and kept when it belongs to a selected flow and falls within that
 * flow's first and last packet times. One pcapng interface per link type.
 */
public final class PacketExport {
    private final WorkspaceStore store;

    public PacketExport(WorkspaceStore store) {
        this.store = store;
    }

    public PacketExportResult write(WorkspaceContent content, Set<Long> flowIds, OutputStream out, Progress progress) throws IOException {
        Map<Integer, List<Flow>> byCapture = new LinkedHashMap<>();
        for (FlowRecord r : content.flows()) {
            if (flowIds.isEmpty() || flowIds.contains(r.id())) {
                byCapture.computeIfAbsent(r.capture(), k -> new ArrayList<>()).add(r.flow());
            }
        }
        List<String> problems = new ArrayList<>();
        long packets = 0;
        PcapngWriter writer = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        Map<Integer, Integer> interfaces = new HashMap<>();
        for (Map.Entry<Integer, List<Flow>> e : byCapture.entrySet()) {
            if (e.getKey() < 0 || e.getKey() >= content.captures().size()) {
                problems.add(e.getValue().size() + (e.getValue().size() == 1 ? " flow comes" : " flows come")
                        + " from no capture file (a live session): no packets to export");
                continue;
            }
            CaptureRef capture = content.captures().get(e.getKey());
            Path readable = readable(content, e.getKey(), capture, problems);
            if (readable == null) {
                continue;
            }
            try {
                java.util.Set<Flow> matched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                packets += copy(readable, e.getValue(), writer, interfaces, progress, matched);
                long none = e.getValue().stream().filter(f -> !matched.contains(f)).count();
                if (none > 0 && !progress.isCanceled()) {
                    // e.g. a later IPv6 fragment whose first fragment is not in the capture: no ports, no key to match
                    problems.add(none + (none == 1 ? " flow" : " flows") + " of " + capture.path().getFileName()
                            + " matched no packet when read again (flows without a complete key, such as fragments whose first"
                            + " fragment is missing): left out");
                }
            } finally {
                if (!readable.equals(capture.path())) {
                    Files.deleteIfExists(readable);
                }
            }
        }
        writer.flush();
        return new PacketExportResult(packets, problems);
    }

    /** The capture file itself when it is at hand, else a temporary copy of its embedded packets, else null. */
    private Path readable(WorkspaceContent content, int index, CaptureRef capture, List<String> problems) throws IOException {
        if (Files.isRegularFile(capture.path()) && Files.size(capture.path()) == capture.size()) {
            return capture.path();
        }
        if (capture.embedded() && content.origin().isPresent()) {
            Path temp = Files.createTempFile("egress-embedded-", ".pcap");
            boolean found;
            try (OutputStream tempOut = Files.newOutputStream(temp)) {
                found = store.extractCapture(content.origin().get(), index, tempOut);
            } catch (WorkspaceException ex) {
                Files.deleteIfExists(temp);
                throw ex;
            }
            if (found) {
                return temp;
            }
            Files.deleteIfExists(temp);
        }
        problems.add(capture.path() + " is not at hand (missing or changed) and its packets are not embedded: its flows' packets are left out");
        return null;
    }

    private static long copy(Path file, List<Flow> flows, PcapngWriter writer, Map<Integer, Integer> interfaces, Progress progress,
            java.util.Set<Flow> matched) throws IOException {
        Map<FlowKey, List<Flow>> exact = new HashMap<>();
        Map<FlowKey, List<Flow>> loose = new HashMap<>();
        for (Flow f : flows) {
            exact.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
            loose.computeIfAbsent(PacketKeys.withoutVlans(f.key()), k -> new ArrayList<>()).add(f);
        }
        long written = 0;
        long frames = 0;
        FrameDecoder decoder = new FrameDecoder();
        PacketView view = new PacketView();
        PacketRecord record = new PacketRecord();
        PacketKeys keys = new PacketKeys();
        try (PacketSource source = CaptureFiles.open(file)) {
            while (source.next(record)) {
                decoder.decode(record.buffer(), record.offset(), record.capturedLength(), record.linkType(), view);
                FlowKey key = keys.of(view);
                long time = record.epochNanos();
                Flow hit = key == null ? null : within(exact.get(key), time);
                if (hit == null && key != null) {
                    hit = within(loose.get(PacketKeys.withoutVlans(key)), time);
                }
                if (hit != null) {
                    matched.add(hit);
                    int id = interfaces.computeIfAbsent(record.linkType(), lt -> addInterface(writer, lt));
                    byte[] data = record.copyData();
                    writer.write(id, time, data, 0, data.length, record.originalLength());
                    written++;
                }
                if ((++frames & 0xfff) == 0) {
                    progress.worked(source.position(), source.size());
                    if (progress.isCanceled()) {
                        break;
                    }
                }
            }
        }
        return written;
    }

    /** The flow among the candidates whose time span holds {@code time}, or null. */
    private static Flow within(List<Flow> candidates, long time) {
        if (candidates == null) {
            return null;
        }
        for (Flow f : candidates) {
            if (time >= f.firstNanos() && time <= f.lastNanos()) {
                return f;
            }
        }
        return null;
    }

    private static int addInterface(PcapngWriter writer, int linkType) {
        try {
            return writer.addInterface(linkType, 262_144, true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
