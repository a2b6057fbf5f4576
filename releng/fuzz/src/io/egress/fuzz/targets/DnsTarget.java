package io.egress.fuzz.targets;

import java.util.ArrayList;
import java.util.List;

import io.egress.capture.internal.proto.DnsMessage;
import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.fuzz.CapturePayloads;

/** DnsMessage.parse and parseTcp, then the derived views (address names, first query name). */
public final class DnsTarget extends PayloadTarget {
    @Override
    public String name() {
        return "dns";
    }

    @Override
    boolean selects(CapturePayloads.Payload p) {
        return isDnsPort(p.srcPort()) || isDnsPort(p.dstPort());
    }

    private static boolean isDnsPort(int port) {
        return port == 53 || port == 5353 || port == 5355;
    }

    @Override
    List<byte[]> extraSeeds(List<byte[]> captured) {
        List<byte[]> framed = new ArrayList<>();
        for (byte[] udp : captured.subList(0, Math.min(captured.size(), 40))) {
            byte[] tcp = new byte[udp.length + 2];
            tcp[0] = (byte) (udp.length >> 8);
            tcp[1] = (byte) udp.length;
            System.arraycopy(udp, 0, tcp, 2, udp.length);
            framed.add(tcp);
        }
        return framed;
    }

    @Override
    public void run(byte[] input) throws Exception {
        new Steps(ProtocolParseException.class).then(() -> {
            DnsMessage m = DnsMessage.parse(input, 0, input.length);
            m.addressNames();
            m.firstQueryName();
            m.toString();
        }).then(() -> DnsMessage.parseTcp(input, 0, input.length).addressNames()).end();
    }
}
