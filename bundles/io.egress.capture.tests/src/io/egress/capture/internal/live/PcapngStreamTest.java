package io.egress.capture.internal.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.pcap.PcapngWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream reader used for dumpcap's output, against files our writer makes. */
class PcapngStreamTest {

    @Test
    void readsPacketsOfSeveralInterfacesInBothByteOrders() throws Exception {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PcapngWriter w = new PcapngWriter(bytes, order)) {
                int eth = w.addInterface(1, 65535, false);
                int raw = w.addInterface(101, 65535, true);
                w.write(eth, 1_700_000_000_123_456_000L, new byte[] {1, 2, 3});
                w.write(raw, 1_700_000_000_123_456_789L, new byte[] {4, 5, 6, 7, 8});
            }
            List<Integer> declared = new ArrayList<>();
            PcapngStream s = new PcapngStream(new ByteArrayInputStream(bytes.toByteArray()), events(declared));
            PcapngStream.Packet p = new PcapngStream.Packet();
            assertTrue(s.next(p));
            assertEquals(1, p.linkType);
            assertEquals(1_700_000_000_123_456_000L, p.epochNanos);
            assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(p.data, p.offset, p.offset + p.capturedLength));
            assertTrue(s.next(p));
            assertEquals(101, p.linkType);
            assertEquals(1, p.interfaceId);
            assertEquals(1_700_000_000_123_456_789L, p.epochNanos);
            assertEquals(5, p.wireLength);
            assertFalse(s.next(p));
            assertEquals(List.of(1, 101), declared, order.toString());
        }
    }

    @Test
    void aStreamCutInsideABlockIsAnError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(bytes, ByteOrder.LITTLE_ENDIAN)) {
            w.write(w.addInterface(1, 65535, true), 1L, new byte[100]);
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 10);
        PcapngStream s = new PcapngStream(new ByteArrayInputStream(cut), events(new ArrayList<>()));
        assertThrows(EOFException.class, () -> s.next(new PcapngStream.Packet()));
    }

    @Test
    void convertsPowerOfTwoAndFineResolutions() {
        assertEquals(1_500_000_000L, PcapngStream.toNanos(3L << 29, true, 30));
        assertEquals(2_000_000_000L, PcapngStream.toNanos(2_000_000_000_000L, false, 12));
        assertEquals(3_000_000_000L, PcapngStream.toNanos(3, false, 0));
    }

    @Test
    void readsEffectiveCapabilities() {
        assertTrue(Capabilities.effective(List.of("Name:\tjava", "CapEff:\t000001ffffffffff"), Capabilities.CAP_NET_RAW));
        assertFalse(Capabilities.effective(List.of("CapEff:\t0000000000000000"), Capabilities.CAP_NET_RAW));
        assertTrue(Capabilities.effective(List.of("CapEff:\t0000000000002000"), Capabilities.CAP_NET_RAW));
        assertFalse(Capabilities.effective(List.of("CapEff:\t0000000000001000"), Capabilities.CAP_NET_RAW));
    }

    private static PcapngStream.Events events(List<Integer> declared) {
        return new PcapngStream.Events() {
            @Override
            public void interfaceDeclared(int interfaceId, int linkType) {
                declared.add(linkType);
            }

            @Override
            public void statistics(int interfaceId, long received, long dropped) {
                // not written by PcapngWriter
            }
        };
    }
}
