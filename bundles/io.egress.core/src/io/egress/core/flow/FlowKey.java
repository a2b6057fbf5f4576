package io.egress.core.flow;

import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of a flow, independent of direction: IP protocol number, two endpoints (address and
 * port) in canonical order (the lower address, then the lower port, first) and the VLAN ids the
 * packets carried. Two packets of the same conversation in opposite directions give equal keys.
 * Ports are 0 for protocols without ports; for ICMP echo both ports hold the echo identifier.
 */
public final class FlowKey {
    /** VLAN id value meaning "no tag". */
    public static final int NO_VLAN = -1;

    private final int protocol;
    private final byte[] addressA;
    private final int portA;
    private final byte[] addressB;
    private final int portB;
    private final int outerVlan;
    private final int innerVlan;

    private FlowKey(int protocol, byte[] addressA, int portA, byte[] addressB, int portB, int outerVlan, int innerVlan) {
        this.protocol = protocol;
        this.addressA = addressA;
        this.portA = portA;
        this.addressB = addressB;
        this.portB = portB;
        this.outerVlan = outerVlan;
        this.innerVlan = innerVlan;
    }

    /**
     * The key of a packet from {@code src:srcPort} to {@code dst:dstPort}; the endpoints are put
     * in canonical order. Addresses are 4 or 16 bytes, both of the same length; they are copied.
     */
    public static FlowKey of(int protocol, byte[] src, int srcPort, byte[] dst, int dstPort, int outerVlan, int innerVlan) {
        if (src.length != dst.length || (src.length != 4 && src.length != 16)) {
            throw new IllegalArgumentException("addresses must both be 4 or 16 bytes: " + src.length + ", " + dst.length);
        }
        if (compareEndpoints(src, srcPort, dst, dstPort) <= 0) {
            return new FlowKey(protocol, src.clone(), srcPort, dst.clone(), dstPort, outerVlan, innerVlan);
        }
        return new FlowKey(protocol, dst.clone(), dstPort, src.clone(), srcPort, outerVlan, innerVlan);
    }

    /** Orders endpoints by address bytes (unsigned), then port; the canonical order of a key. */
    public static int compareEndpoints(byte[] a, int portA, byte[] b, int portB) {
        int c = Arrays.compareUnsigned(a, b);
        return c != 0 ? c : Integer.compare(portA, portB);
    }

    public int protocol() { return protocol; }

    /** The lower endpoint's address (a copy). */
    public byte[] addressA() { return addressA.clone(); }

    public int portA() { return portA; }

    /** The higher endpoint's address (a copy). */
    public byte[] addressB() { return addressB.clone(); }

    public int portB() { return portB; }

    /** The outer (or only) 802.1Q VLAN id, or {@link #NO_VLAN}. */
    public int outerVlan() { return outerVlan; }

    /** The inner VLAN id of a QinQ frame, or {@link #NO_VLAN}. */
    public int innerVlan() { return innerVlan; }

    public boolean isIpv6() { return addressA.length == 16; }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && protocol == k.protocol && portA == k.portA && portB == k.portB
                && outerVlan == k.outerVlan && innerVlan == k.innerVlan
                && Arrays.equals(addressA, k.addressA) && Arrays.equals(addressB, k.addressB);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, portA, portB, outerVlan, innerVlan, Arrays.hashCode(addressA), Arrays.hashCode(addressB));
    }

    @Override
    public String toString() {
        return IpProtocols.name(protocol) + " " + Endpoints.format(addressA, portA) + " <-> " + Endpoints.format(addressB, portB)
                + (outerVlan == NO_VLAN ? "" : " vlan " + outerVlan + (innerVlan == NO_VLAN ? "" : "/" + innerVlan));
    }
}
