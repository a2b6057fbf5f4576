package io.egress.core.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.TcpState;
import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;

/** The responder's country and network columns: shown, filtered and sorted from looked-up facts. */
class ConversationFactsTest {
    private static final Map<String, String[]> KNOWN = Map.of(
            "151.101.1.69", new String[] {"US", "AS54113 Fastly, Inc."},
            "185.199.108.153", new String[] {"NL", "AS36459 GitHub, Inc."},
            "77.88.55.88", new String[] {"RU", "AS13238 YANDEX LLC"});

    private static final AddressFacts FACTS = new AddressFacts() {
        @Override
        public String country(byte[] address) {
            String[] f = KNOWN.get(IpAddresses.format(address));
            return f == null ? "" : f[0];
        }

        @Override
        public String network(byte[] address) {
            String[] f = KNOWN.get(IpAddresses.format(address));
            return f == null ? "" : f[1];
        }
    };

    private static Flow to(String dst, long first) {
        byte[] a = IpAddresses.parseLiteral("192.168.1.10");
        byte[] b = IpAddresses.parseLiteral(dst);
        return new Flow(FlowKey.of(6, a, 50000, b, 443, FlowKey.NO_VLAN, FlowKey.NO_VLAN), a, 50000, b, 443,
                new DirectionStats(3, 300, 180), new DirectionStats(2, 500, 400), first, first + 1_000_000,
                TcpState.ESTABLISHED, 0, 0, "1:x", List.of(), true);
    }

    private final List<Flow> flows = List.of(to("151.101.1.69", 10), to("10.0.0.5", 20), to("77.88.55.88", 30),
            to("185.199.108.153", 40));

    @Test
    void cellsComeFromTheFactsAndAreEmptyWithout() {
        assertEquals("US", ConversationColumn.DESTINATION_COUNTRY.text(flows.get(0), 0, FACTS));
        assertEquals("AS54113 Fastly, Inc.", ConversationColumn.DESTINATION_NETWORK.text(flows.get(0), 0, FACTS));
        assertEquals("", ConversationColumn.DESTINATION_NETWORK.text(flows.get(1), 0, FACTS)); // private: nothing to look up
        assertEquals("", ConversationColumn.DESTINATION_COUNTRY.text(flows.get(0), 0));
    }

    @Test
    void sortingAndFilteringUseTheFacts() {
        ConversationIndex byCountry = ConversationIndex.build(flows, 0, "", Long.MIN_VALUE, Long.MAX_VALUE,
                ConversationColumn.DESTINATION_COUNTRY, false, FACTS, Progress.NONE);
        assertEquals(List.of(1, 3, 2, 0), List.of(byCountry.flowAt(0), byCountry.flowAt(1), byCountry.flowAt(2), byCountry.flowAt(3)));
        ConversationIndex yandex = ConversationIndex.build(flows, 0, "yandex", Long.MIN_VALUE, Long.MAX_VALUE, null, false, FACTS,
                Progress.NONE);
        assertEquals(1, yandex.size());
        assertEquals(2, yandex.flowAt(0));
    }
}
