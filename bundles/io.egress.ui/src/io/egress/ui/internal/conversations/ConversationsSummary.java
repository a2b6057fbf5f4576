package io.egress.ui.internal.conversations;

import org.eclipse.osgi.util.NLS;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.ConversationCounts;
import io.egress.ui.internal.Counted;
import io.egress.ui.internal.Messages;

/** The one-paragraph header of the Conversations view: what file, how much, what went wrong. */
final class ConversationsSummary {
    private ConversationsSummary() {
    }

    static String of(CaptureAnalysis a) {
        ConversationCounts c = a.conversations();
        String first = a.firstTimestamp().map(t -> t.toUtcText()).orElse("-");
        String last = a.lastTimestamp().map(t -> t.toUtcText()).orElse("-");
        StringBuilder sb = new StringBuilder(NLS.bind(Messages.conversations_summary, new Object[] {a.file().getFileName(),
                a.format(), Counted.of(a.packets(), Messages.count_packets_one, Messages.count_packets_other),
                Counted.of(a.flows().size(), Messages.count_flows_one, Messages.count_flows_other), c.tcp(), c.udp(), c.icmp(), first, last}));
        if (!a.complete()) {
            sb.append(' ').append(Messages.conversations_incomplete);
        }
        for (String w : a.warnings()) {
            sb.append('\n').append(NLS.bind(Messages.conversations_warning, w));
        }
        return sb.toString();
    }
}
