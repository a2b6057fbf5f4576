package io.egress.capture.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to capture. Build with {@link #of(List)} and the {@code with...} methods.
 *
 * @param interfaces  interface names (at least one, no repeats)
 * @param filter      BPF expression, {@code ""} for all packets
 * @param snapLength  bytes kept of each packet
 * @param bufferBytes kernel buffer per interface; immediate mode drops bursts with small buffers
 * @param method      force a method, or empty for the least-privileged one that works ({@link LiveCaptures#access()})
 * @param spool       where to keep every packet for {@link LiveCapture#exportPcapng}; empty to keep none
 */
public record CaptureRequest(List<String> interfaces, String filter, int snapLength, int bufferBytes, Optional<CaptureMethod> method,
        Optional<Path> spool) {

    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    /** 32 MiB: with immediate mode a smaller buffer lost about a fifth of a burst. */
    public static final int DEFAULT_BUFFER_BYTES = 32 << 20;

    public CaptureRequest {
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(spool, "spool");
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("no interface to capture on");
        }
        if (interfaces.stream().distinct().count() != interfaces.size()) {
            throw new IllegalArgumentException("an interface is named twice: " + interfaces);
        }
        if (snapLength < 64 || bufferBytes < 1 << 16) {
            throw new IllegalArgumentException("snap length below 64 or buffer below 64 KiB");
        }
    }

    /** All packets of these interfaces, defaults elsewhere. */
    public static CaptureRequest of(List<String> interfaces) {
        return new CaptureRequest(interfaces, "", DEFAULT_SNAP_LENGTH, DEFAULT_BUFFER_BYTES, Optional.empty(), Optional.empty());
    }

    public CaptureRequest withFilter(String bpf) {
        return new CaptureRequest(interfaces, bpf.strip(), snapLength, bufferBytes, method, spool);
    }

    public CaptureRequest withSnapLength(int bytes) {
        return new CaptureRequest(interfaces, filter, bytes, bufferBytes, method, spool);
    }

    public CaptureRequest withBufferBytes(int bytes) {
        return new CaptureRequest(interfaces, filter, snapLength, bytes, method, spool);
    }

    public CaptureRequest withMethod(CaptureMethod forced) {
        return new CaptureRequest(interfaces, filter, snapLength, bufferBytes, Optional.of(forced), spool);
    }

    public CaptureRequest withSpool(Path file) {
        return new CaptureRequest(interfaces, filter, snapLength, bufferBytes, method, Optional.of(file));
    }
}
