package io.egress.workspace.internal.export;

import io.egress.capture.internal.decode.PacketView;
import io.egress.core.flow.FlowKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The flow key of a decoded packet, by the flow table's rules: ICMP echo keyed by its identifier on
 * both sides, ports 0 where none were seen, and later IP fragments joined to the key of their first
 * fragment. (The capture engine keeps this rule internal; a public frame-to-key function there would
 * let this class go.)
 */
final class PacketKeys {
    private final Map<String, FlowKey> firstFragments = new HashMap<>();

    /** The key, or null for packets without an IP layer or later fragments whose first was not seen. */
    FlowKey of(PacketView v) {
        if (v.layer < PacketView.IP) {
            return null;
        }
        byte[] src = PacketView.address(v.isIpv6(), v.srcHi, v.srcLo);
        byte[] dst = PacketView.address(v.isIpv6(), v.dstHi, v.dstLo);
        int protocol = v.protocol & 0xff;
        String fragment = v.laterFragment || v.firstFragment
                ? protocol + "/" + v.fragmentId + "/" + java.util.Arrays.toString(src) + java.util.Arrays.toString(dst) : null;
        if (v.laterFragment) {
            return firstFragments.get(fragment);
        }
        int srcPort = 0;
        int dstPort = 0;
        if (protocol == 1 || protocol == 58) {
            srcPort = Math.max(0, v.icmpEchoId);
            dstPort = srcPort;
        } else if (v.hasPorts) {
            srcPort = v.srcPort;
            dstPort = v.dstPort;
        }
        FlowKey key = FlowKey.of(protocol, src, srcPort, dst, dstPort, v.outerVlan, v.innerVlan);
        if (v.firstFragment) {
            firstFragments.put(fragment, key);
        }
        return key;
    }

    /** The key without VLAN ids: replies routed between two VLANs join their flow this way. */
    static FlowKey withoutVlans(FlowKey k) {
        return FlowKey.of(k.protocol(), k.addressA(), k.portA(), k.addressB(), k.portB(), FlowKey.NO_VLAN, FlowKey.NO_VLAN);
    }
}
