package io.egress.capture.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceListTest {

    @Test
    void listsLoopbackUpWithItsAddress() throws Exception {
        CaptureRights.assumeLibpcap();
        List<LiveInterface> all = new LiveCaptures().interfaces();
        LiveInterface lo = all.stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow(() -> new AssertionError("no lo in " + all));
        assertTrue(lo.loopback());
        assertTrue(lo.up());
        assertTrue(lo.addresses().contains(InetAddress.getByName("127.0.0.1")), lo.addresses().toString());
        assertFalse(lo.stateText().isEmpty());
    }
}
