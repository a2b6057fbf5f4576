package io.egress.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Flow details (names, initiators, states, warnings, progress) on the shared captures. */
class SharedCaptureFlowsTest {
    private static CaptureAnalysis analyze(String name) throws IOException {
        return CaptureAnalyzer.analyze(SharedData.captures().resolve(name), Progress.NONE);
    }

    private static List<String> names(Flow f, NameSource source) {
        return f.names().stream().filter(n -> n.source() == source).map(FlowName::name).toList();
    }

    @Test
    void tlsSniOverSll2() throws IOException {
        Flow f = analyze("zeek-tls-openjdk-zeek.org-sll2.pcap").flows().get(0);
        assertEquals("192.168.64.6", IpAddresses.format(f.initiator()));
        assertEquals(443, f.responderPort());
        assertEquals(List.of("zeek.org"), names(f, NameSource.TLS_SNI));
    }

    @Test
    void tlsSniOverEthernet() throws IOException {
        Flow f = analyze("zeek-tls-conn-with-extensions.pcap").flows().get(0);
        assertEquals(List.of("ssl.gstatic.com"), names(f, NameSource.TLS_SNI));
    }

    @Test
    void quicSniFromFragmentedInitials() throws IOException {
        CaptureAnalysis a = analyze("zeek-quic-chromium-google-de-fragmented.pcap");
        Flow f = a.flows().get(0);
        assertEquals(17, f.protocol());
        assertEquals(443, f.responderPort());
        assertEquals(List.of("www.google.de"), names(f, NameSource.QUIC_SNI));
    }

    @Test
    void dnsAnswersAndHttpHostsNameTheWikipediaFlows() throws IOException {
        CaptureAnalysis a = analyze("zeek-wikipedia.pcap");
        Flow upload = a.flows().stream()
                .filter(f -> f.protocol() == 6 && IpAddresses.format(f.responder()).equals("208.80.152.3")).findFirst().orElseThrow();
        assertEquals(List.of("upload.wikimedia.org"), names(upload, NameSource.DNS));
        assertEquals(List.of("upload.wikimedia.org"), names(upload, NameSource.HTTP_HOST));
        assertEquals(80, upload.responderPort());
        assertTrue(upload.names().stream().allMatch(n -> n.timeNanos() <= upload.lastNanos()));
    }

    @Test
    void handshakeAndStateFromNanosecondSll() throws IOException {
        CaptureAnalysis a = analyze("tcpdump-tcp-handshake-nano.pcap");
        Flow f = a.flows().get(0);
        assertEquals(TcpState.ESTABLISHED, f.tcpState());
        assertEquals(1_418_145_369_924_505_488L, f.firstNanos());
        assertEquals(9, a.timestampDigits());
        assertEquals(List.of(113), a.linkTypes());
    }

    @Test
    void vlanCollisionsAreThreeFlowsOfFourteenPackets() throws IOException {
        CaptureAnalysis a = analyze("zeek-vlan-collisions.pcap");
        assertEquals(3, a.flows().size());
        for (Flow f : a.flows()) {
            assertEquals(14, f.packets());
            assertEquals("141.142.228.5", IpAddresses.format(f.initiator()));
            assertEquals(TcpState.CLOSED, f.tcpState());
        }
    }

    @Test
    void unknownLinkTypeWarnsOnceWithItsNumber() throws IOException {
        CaptureAnalysis a = analyze("tcpdump-unsupported-link-type-160.pcap");
        assertEquals(List.of(160), a.linkTypes());
        assertEquals(1, a.warnings().size());
        assertTrue(a.warnings().get(0).contains("link type 160"), a.warnings().get(0));
        assertTrue(a.flows().isEmpty());
    }

    @Test
    void echoConnectionsCountFiveHundredFlowsAndReportProgressInBytes() throws IOException {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        CaptureAnalysis a = CaptureAnalyzer.analyze(SharedData.captures().resolve("zeek-echo-connections.pcap"), new Progress() {
            @Override
            public void worked(long done, long all) {
                assertTrue(done >= last.get());
                last.set(done);
                total.set(all);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        });
        assertEquals(500, a.flows().size());
        assertEquals(6_833_698L, total.get());
        assertEquals(6_833_698L, last.get());
        assertEquals(82_582, a.flows().stream().mapToLong(Flow::packets).sum());
        assertEquals(241, a.flows().stream().mapToLong(Flow::retransmissions).sum(), "tshark's tcp.analysis.*retransmission count");
    }

    @Test
    void retransmissionsInTheBigEndianPptpCapture() throws IOException {
        CaptureAnalysis a = analyze("tcpdump-pptp.pcap");
        assertEquals(4, a.flows().stream().mapToLong(Flow::retransmissions).sum());
    }

    @Test
    void cancellingKeepsWhatWasRead() throws IOException {
        CaptureAnalysis a = CaptureAnalyzer.analyze(SharedData.captures().resolve("zeek-echo-connections.pcap"), new Progress() {
            @Override
            public void worked(long done, long all) {
                // not needed
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        });
        assertFalse(a.complete());
        assertEquals(8192, a.packets());
        assertTrue(a.warnings().get(a.warnings().size() - 1).startsWith("analysis cancelled"));
    }
}
