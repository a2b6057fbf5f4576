package io.egress.fuzz.targets;

import io.egress.capture.internal.proto.HttpRequest;
import io.egress.fuzz.CapturePayloads;

/** HttpRequest.parse on the initiator's first TCP payloads. */
public final class HttpTarget extends PayloadTarget {
    @Override
    public String name() {
        return "http";
    }

    @Override
    boolean selects(CapturePayloads.Payload p) {
        byte first = p.bytes()[0];
        return p.protocol() == 6 && first >= 'A' && first <= 'Z';
    }

    @Override
    public void run(byte[] input) throws Exception {
        HttpRequest.parse(input, 0, input.length).toString();
    }
}
