package io.egress.fuzz.targets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.fuzz.CapturePayloads;
import io.egress.fuzz.FuzzTarget;

/** A protocol parser fed with transport payloads of the shared captures; documents ProtocolParseException. */
abstract class PayloadTarget implements FuzzTarget {
    private static final int MAX_SEEDS = 400;

    /** Whether this payload belongs to the parser (by port or first bytes). */
    abstract boolean selects(CapturePayloads.Payload payload);

    @Override
    public List<byte[]> seeds() throws Exception {
        Set<String> distinct = new LinkedHashSet<>();
        List<byte[]> seeds = new ArrayList<>();
        for (CapturePayloads.Payload p : CapturePayloads.payloads()) {
            if (selects(p) && seeds.size() < MAX_SEEDS && distinct.add(java.util.HexFormat.of().formatHex(p.bytes()))) {
                seeds.add(p.bytes());
            }
        }
        seeds.addAll(extraSeeds(seeds));
        if (seeds.isEmpty()) {
            throw new IllegalStateException(name() + ": no seed payloads in the shared captures");
        }
        return seeds;
    }

    /** Seeds derived from the captured ones (e.g. TCP framing). */
    List<byte[]> extraSeeds(List<byte[]> captured) {
        return List.of();
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof ProtocolParseException;
    }
}
