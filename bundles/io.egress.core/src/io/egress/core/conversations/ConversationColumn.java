package io.egress.core.conversations;

import java.util.Comparator;
import java.util.stream.Collectors;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;

/**
 * The columns of the Conversations view (Wireshark's, plus names, Community ID and the class,
 * country and network of the responder's address), with the text and sort order of each so that
 * any front end agrees.
 */
public enum ConversationColumn {
    PROTOCOL("Proto"),
    SOURCE("Initiator"),
    DESTINATION("Responder"),
    DESTINATION_CLASS("Responder class"),
    DESTINATION_COUNTRY("Country"),
    DESTINATION_NETWORK("Network"),
    VLAN("VLAN"),
    PACKETS_OUT("Packets \u2192"),
    PACKETS_IN("Packets \u2190"),
    BYTES_OUT("Bytes \u2192"),
    BYTES_IN("Bytes \u2190"),
    START("Start"),
    DURATION("Duration (s)"),
    STATE("TCP state"),
    NAMES("Names"),
    COMMUNITY_ID("Community ID");

    private final String header;

    ConversationColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** Cell text without enrichment (country and network empty). */
    public String text(Flow f, long captureStartNanos) {
        return text(f, captureStartNanos, AddressFacts.NONE);
    }

    /**
     * Cell text; {@code captureStartNanos} makes START relative to the capture's first packet,
     * {@code facts} gives the responder's country and network.
     */
    public String text(Flow f, long captureStartNanos, AddressFacts facts) {
        return switch (this) {
            case PROTOCOL -> IpProtocols.name(f.protocol()) + (f.key().isIpv6() ? "6" : "");
            case SOURCE -> endpoint(f.initiator(), f.initiatorPort(), f.protocol());
            case DESTINATION -> endpoint(f.responder(), f.responderPort(), f.protocol());
            case DESTINATION_CLASS -> AddressClassifier.classOf(IpAddresses.toInet(f.responder())).id();
            case DESTINATION_COUNTRY -> facts.country(f.responder());
            case DESTINATION_NETWORK -> facts.network(f.responder());
            case VLAN -> vlan(f.key());
            case PACKETS_OUT -> Long.toString(f.forward().packets());
            case PACKETS_IN -> Long.toString(f.reverse().packets());
            case BYTES_OUT -> Long.toString(f.forward().bytes());
            case BYTES_IN -> Long.toString(f.reverse().bytes());
            case START -> seconds(f.firstNanos() - captureStartNanos);
            case DURATION -> seconds(f.durationNanos());
            case STATE -> f.tcpState().name().equals("NONE") ? "" : f.tcpState().name();
            case NAMES -> f.names().stream().map(FlowName::name).distinct().collect(Collectors.joining(", "));
            case COMMUNITY_ID -> f.communityId();
        };
    }

    /** Sort order without enrichment. */
    public Comparator<Flow> order() {
        return order(AddressFacts.NONE);
    }

    /** Sort order: numbers numerically, endpoints by address bytes then port, text columns by their text. */
    public Comparator<Flow> order(AddressFacts facts) {
        return switch (this) {
            case SOURCE -> Comparator.<Flow, byte[]>comparing(Flow::initiator, ConversationColumn::compareBytes).thenComparingInt(Flow::initiatorPort);
            case DESTINATION -> Comparator.<Flow, byte[]>comparing(Flow::responder, ConversationColumn::compareBytes).thenComparingInt(Flow::responderPort);
            case PACKETS_OUT -> Comparator.comparingLong(f -> f.forward().packets());
            case PACKETS_IN -> Comparator.comparingLong(f -> f.reverse().packets());
            case BYTES_OUT -> Comparator.comparingLong(f -> f.forward().bytes());
            case BYTES_IN -> Comparator.comparingLong(f -> f.reverse().bytes());
            case START -> Comparator.comparingLong(Flow::firstNanos);
            case DURATION -> Comparator.comparingLong(Flow::durationNanos);
            default -> Comparator.comparing(f -> text(f, 0, facts), String.CASE_INSENSITIVE_ORDER);
        };
    }

    private static String endpoint(byte[] address, int port, int protocol) {
        return IpProtocols.hasPorts(protocol) ? IpAddresses.formatEndpoint(address, port) : IpAddresses.format(address);
    }

    private static String vlan(FlowKey key) {
        if (key.outerVlan() == FlowKey.NO_VLAN) {
            return "";
        }
        return key.innerVlan() == FlowKey.NO_VLAN ? Integer.toString(key.outerVlan()) : key.outerVlan() + "/" + key.innerVlan();
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return a.length != b.length ? Integer.compare(a.length, b.length) : java.util.Arrays.compareUnsigned(a, b);
    }
}
