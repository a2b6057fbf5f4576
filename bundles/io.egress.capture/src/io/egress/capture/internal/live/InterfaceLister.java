package io.egress.capture.internal.live;

import io.egress.capture.live.LiveCaptureException;
import io.egress.capture.live.LiveInterface;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** Interfaces as libpcap lists them (needs no capture rights). */
public final class InterfaceLister {
    private InterfaceLister() {
    }

    public static List<LiveInterface> list() throws LiveCaptureException {
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new LiveCaptureException("libpcap cannot list interfaces: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new LiveCaptureException(LibpcapMissing.MESSAGE, e);
        }
        List<LiveInterface> out = new ArrayList<>();
        for (PcapNetworkInterface d : devices) {
            List<InetAddress> addresses = d.getAddresses().stream().map(PcapAddress::getAddress).filter(Objects::nonNull).toList();
            out.add(new LiveInterface(d.getName(), Objects.requireNonNullElse(d.getDescription(), ""), addresses, d.isUp(), d.isRunning(),
                    d.isLoopBack()));
        }
        return out;
    }
}
