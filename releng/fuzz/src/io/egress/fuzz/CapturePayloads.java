package io.egress.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;

/** Frames and transport payloads of the shared captures, decoded with the project's own decoder. */
public final class CapturePayloads {
    /** One frame with its link type. */
    public record Frame(int linkType, byte[] bytes) {
    }

    /** One transport payload. */
    public record Payload(int protocol, int srcPort, int dstPort, byte[] bytes) {
    }

    private static List<Payload> cached;

    private CapturePayloads() {
    }

    public static List<Path> captures() {
        List<Path> all = new ArrayList<>(SharedFiles.files(SharedFiles.shared("captures"), ".pcap"));
        all.addAll(SharedFiles.files(SharedFiles.shared("captures"), ".pcapng"));
        return all;
    }

    /** Every readable frame of every shared capture (reading stops at the first damage, as the reader does). */
    public static void frames(int maxPerFile, Consumer<Frame> sink) throws IOException {
        PacketRecord r = new PacketRecord();
        for (Path p : captures()) {
            try (PacketSource s = CaptureFiles.open(p)) {
                for (int i = 0; i < maxPerFile && s.next(r); i++) {
                    sink.accept(new Frame(r.linkType(), r.copyData()));
                }
            } catch (io.egress.capture.pcap.CaptureFormatException e) {
                // Some shared captures are unreadable on purpose (invalid version, bad option): no frames.
                System.out.println("  (seed " + p.getFileName() + " gives no frames: " + e.getMessage() + ")");
            }
        }
    }

    /** Transport payloads of the shared captures, in capture order. */
    public static synchronized List<Payload> payloads() throws IOException {
        if (cached != null) {
            return cached;
        }
        List<Payload> out = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder();
        PacketView view = new PacketView();
        frames(Integer.MAX_VALUE, f -> {
            decoder.decode(ByteBuffer.wrap(f.bytes()), 0, f.bytes().length, f.linkType(), view);
            if (view.layer == PacketView.TRANSPORT && view.payloadCaptured > 0) {
                byte[] b = new byte[view.payloadCaptured];
                System.arraycopy(f.bytes(), view.payloadOffset, b, 0, b.length);
                out.add(new Payload(view.protocol, view.srcPort, view.dstPort, b));
            }
        });
        cached = List.copyOf(out);
        return cached;
    }
}
