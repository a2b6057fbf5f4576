package io.egress.ui.internal.conversations;

import io.egress.core.conversations.ConversationColumn;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.net.AddressClassification;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;

/** Text of the details pane for one flow: every column plus names with where each came from. */
final class FlowDetails {
    private FlowDetails() {
    }

    static String describe(Flow f, long captureStart, AddressFacts facts) {
        StringBuilder sb = new StringBuilder();
        for (ConversationColumn c : ConversationColumn.values()) {
            if (c == ConversationColumn.NAMES) {
                continue;
            }
            sb.append(ConversationHeaders.header(c)).append(": ").append(c.text(f, captureStart, facts)).append('\n');
        }
        AddressClassification cls = AddressClassifier.classify(IpAddresses.toInet(f.responder()));
        sb.append(cls.addressClass().meaning());
        if (cls.rangeName() != null) {
            sb.append(" (").append(cls.range()).append(' ').append(cls.rangeName()).append(')');
        }
        sb.append('\n');
        for (FlowName n : f.names()) {
            sb.append(n.source()).append(": ").append(n.name()).append('\n');
        }
        sb.append("retransmissions: ").append(f.retransmissions()).append(", ICMP errors: ").append(f.icmpErrors()).append('\n');
        return sb.toString();
    }
}
