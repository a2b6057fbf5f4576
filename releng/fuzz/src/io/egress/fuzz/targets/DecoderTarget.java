package io.egress.fuzz.targets;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.egress.capture.FlowEngine;
import io.egress.capture.FlowList;
import io.egress.fuzz.CapturePayloads;
import io.egress.fuzz.FuzzTarget;

/**
 * The decoder and flow engine: an input is a short sequence of frames, each {@code [link type
 * index][length: 2 bytes][frame]}, fed to a fresh FlowEngine, then every flow is materialised
 * (Community ID, names). The engine documents no exception: anything thrown is a crash.
 */
public final class DecoderTarget implements FuzzTarget {
    static final int[] LINK_TYPES = { 1, 101, 113, 276, 0, 108, 12, 14, 228, 229 };
    private static final int FRAMES_PER_SEED = 6;

    @Override
    public String name() {
        return "decoder";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> pending = new ArrayList<>();
        CapturePayloads.frames(400, f -> {
            int index = indexOf(f.linkType());
            if (index < 0) {
                return;
            }
            pending.add(encode(index, f.bytes()));
            ipOfEthernet(f).ifPresent(ip -> {
                // The same IP packet under the link types the shared captures lack.
                pending.add(encode(indexOf(101), ip));
                pending.add(encode(indexOf(ip[0] >> 4 == 6 ? 229 : 228), ip));
                pending.add(encode(indexOf(0), prefix(new byte[] { 2, 0, 0, 0 }, ip)));
                pending.add(encode(indexOf(108), prefix(new byte[] { 0, 0, 0, (byte) (ip[0] >> 4 == 6 ? 24 : 2) }, ip)));
            });
            if (pending.size() >= FRAMES_PER_SEED) {
                seeds.add(concat(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            seeds.add(concat(pending));
        }
        return seeds;
    }

    private static java.util.Optional<byte[]> ipOfEthernet(CapturePayloads.Frame f) {
        byte[] b = f.bytes();
        if (f.linkType() != 1 || b.length < 15) {
            return java.util.Optional.empty();
        }
        int type = (b[12] & 0xff) << 8 | b[13] & 0xff;
        return type == 0x0800 || type == 0x86dd ? java.util.Optional.of(Arrays.copyOfRange(b, 14, b.length))
                : java.util.Optional.empty();
    }

    private static byte[] prefix(byte[] head, byte[] body) {
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static int indexOf(int linkType) {
        for (int i = 0; i < LINK_TYPES.length; i++) {
            if (LINK_TYPES[i] == linkType) {
                return i;
            }
        }
        return -1;
    }

    static byte[] encode(int linkIndex, byte[] frame) {
        int n = Math.min(frame.length, 0xffff);
        byte[] out = new byte[3 + n];
        out[0] = (byte) linkIndex;
        out[1] = (byte) (n >> 8);
        out[2] = (byte) n;
        System.arraycopy(frame, 0, out, 3, n);
        return out;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Override
    public void run(byte[] input) {
        FlowEngine engine = new FlowEngine(16);
        int p = 0;
        long time = 1_700_000_000_000_000_000L;
        while (p + 3 <= input.length) {
            int link = LINK_TYPES[(input[p] & 0xff) % LINK_TYPES.length];
            int length = Math.min((input[p + 1] & 0xff) << 8 | input[p + 2] & 0xff, input.length - p - 3);
            byte[] frame = Arrays.copyOfRange(input, p + 3, p + 3 + length);
            // the wire length is sometimes larger than what was captured (snap length)
            int wire = (input[p] & 0x80) != 0 ? length + 1000 : length;
            engine.frame(link, time, frame, length, wire);
            time += 1_000_000;
            p += 3 + length;
        }
        FlowList flows = engine.snapshot();
        for (int i = 0; i < flows.size(); i++) {
            flows.get(i).toString();
        }
        flows.conversations();
        engine.warnings();
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return false;
    }
}
