package io.egress.capture.internal.live;

import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.capture.pcap.PcapngWriter;
import io.egress.core.flow.FlowKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every captured packet kept in a plain pcapng file while capturing; the owner of a flow is known
 * only after its first packets, so the commented file is written from the spool when the capture
 * ends. Used under the session's lock.
 */
final class Spool {
    private static final System.Logger LOG = System.getLogger(Spool.class.getName());

    private final Path file;
    private final PcapngWriter writer;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> snapLengths = new ArrayList<>();
    private final List<Integer> linkTypes = new ArrayList<>();
    private IOException failure;

    private Spool(Path file, PcapngWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static Spool create(Path file) throws io.egress.capture.live.LiveCaptureException {
        try {
            return new Spool(file, new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), ByteOrder.nativeOrder()));
        } catch (IOException e) {
            throw new io.egress.capture.live.LiveCaptureException("cannot write the spool file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(InterfaceRunner source, int linkType, int snapLength, long nanos, byte[] data, int offset, int length, int wireLength) {
        if (failure != null) {
            return;
        }
        try {
            if (source.spoolInterface < 0) {
                source.spoolInterface = writer.addInterface(linkType, snapLength, true);
                names.add(source.name());
                snapLengths.add(snapLength);
                linkTypes.add(linkType);
            }
            writer.write(source.spoolInterface, nanos, data, offset, length, wireLength);
        } catch (IOException e) {
            failure = e; // reported by export(); capturing goes on
            LOG.log(Level.ERROR, "spool file " + file + " failed; the written pcapng will stop here", e);
        }
    }

    void export(Path target, Function<FlowKey, String> comments, NewFlowWatcher keys) throws IOException {
        writer.flush();
        if (failure != null) {
            throw new IOException("the spool file failed during the capture: " + failure.getMessage(), failure);
        }
        Map<FlowKey, String> cache = new HashMap<>();
        try (PacketSource in = CaptureFiles.open(file);
                CommentedPcapngWriter out = new CommentedPcapngWriter(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
            for (int i = 0; i < names.size(); i++) {
                out.addInterface(linkTypes.get(i), snapLengths.get(i), names.get(i));
            }
            PacketRecord r = new PacketRecord();
            while (in.next(r)) {
                Optional<FlowKey> key = keys.key(r.linkType(), r.buffer(), r.offset(), r.capturedLength());
                String comment = key.map(k -> cache.computeIfAbsent(k, comments)).orElse("");
                out.write(r.interfaceId(), r.epochNanos(), r.buffer(), r.offset(), r.capturedLength(), r.originalLength(), comment);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    void delete() {
        try {
            writer.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the spool file {0}: {1}", file, e.getMessage());
        }
    }
}
