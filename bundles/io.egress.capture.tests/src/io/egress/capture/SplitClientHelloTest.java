package io.egress.capture;

import static io.egress.capture.Frames.ethernet;
import static io.egress.capture.Frames.ipv4;
import static io.egress.capture.Frames.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.tests.support.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Names whose message spans two TCP segments (large ClientHellos with post-quantum key shares, long HTTP headers). */
class SplitClientHelloTest {
    /** The ClientHello of a shared capture, found with our own reader and decoder. */
    private static byte[] clientHello() throws IOException {
        try (PacketSource source = CaptureFiles.open(SharedData.captures().resolve("zeek-tls-conn-with-extensions.pcap"))) {
            PacketRecord r = new PacketRecord();
            PacketView v = new PacketView();
            FrameDecoder decoder = new FrameDecoder();
            while (source.next(r)) {
                decoder.decode(r.buffer(), r.offset(), r.capturedLength(), r.linkType(), v);
                if (v.protocol == 6 && v.payloadCaptured > 5 && r.buffer().get(v.payloadOffset) == 22 && r.buffer().get(v.payloadOffset + 5) == 1) {
                    byte[] hello = new byte[v.payloadCaptured];
                    r.buffer().get(v.payloadOffset, hello);
                    return hello;
                }
            }
        }
        return null;
    }

    private static String onlyName(FlowEngine engine, NameSource source) {
        return engine.snapshot().get(0).names().stream().filter(n -> n.source() == source).map(FlowName::name).findFirst().orElse("-");
    }

    @Test
    void tlsClientHelloInTwoSegments() throws IOException {
        byte[] hello = clientHello();
        assertNotNull(hello);
        int cut = hello.length / 2;
        FlowEngine engine = new FlowEngine();
        byte[] first = ethernet(0x0800, ipv4(6, "10.0.0.5", "192.0.2.80", tcp(40000, 443, 1, 1, 0x10, Arrays.copyOf(hello, cut))));
        byte[] second = ethernet(0x0800, ipv4(6, "10.0.0.5", "192.0.2.80", tcp(40000, 443, 1 + cut, 1, 0x18,
                Arrays.copyOfRange(hello, cut, hello.length))));
        engine.frame(1, 1, first, first.length, first.length);
        assertEquals("-", onlyName(engine, NameSource.TLS_SNI));
        engine.frame(1, 2, second, second.length, second.length);
        assertEquals("ssl.gstatic.com", onlyName(engine, NameSource.TLS_SNI));
        assertEquals(0, engine.warnings().size(), String.valueOf(engine.warnings()));
    }

    @Test
    void httpHostAfterALongFirstSegment() {
        byte[] start = ("GET /index.html HTTP/1.1\r\nUser-Agent: test\r\nAccept: " + "x".repeat(1200) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "Host: www.example.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        FlowEngine engine = new FlowEngine();
        byte[] first = ethernet(0x0800, ipv4(6, "10.0.0.5", "192.0.2.80", tcp(40001, 80, 1, 1, 0x10, start)));
        byte[] second = ethernet(0x0800, ipv4(6, "10.0.0.5", "192.0.2.80", tcp(40001, 80, 1 + start.length, 1, 0x18, rest)));
        engine.frame(1, 1, first, first.length, first.length);
        engine.frame(1, 2, second, second.length, second.length);
        assertEquals("www.example.org", onlyName(engine, NameSource.HTTP_HOST));
    }
}
