package io.egress.detect.internal.detectors;

import static io.egress.detect.internal.detectors.TestFlows.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.Flow;
import io.egress.core.progress.Progress;
import io.egress.detect.DetectionInput;
import io.egress.detect.Finding;
import io.egress.detect.SubScore;
import io.egress.detect.capture.CaptureInputs;
import io.egress.tests.support.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BeaconingDetectorTest {
    private static List<Finding> detect(DetectionInput input) throws Exception {
        return TestFlows.run(new BeaconingDetector(), BeaconingDetector.ID, BeaconingDetector.DEFAULTS, input);
    }

    private static Map<String, Double> subScores(Finding f) {
        return f.subScores().stream().collect(Collectors.toMap(SubScore::name, SubScore::value));
    }

    @Test
    void merlinQuicBeaconIsFoundWithItsFifteenSecondInterval() throws Exception {
        DetectionInput input = CaptureInputs.read(SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng"), Progress.NONE);
        io.egress.detect.FlowBursts bursts = input.burstsOf(0).orElseThrow();
        assertEquals(13, bursts.count(), "bursts of the one UDP flow");
        assertEquals(100, java.util.Arrays.stream(bursts.packets()).sum(), "every packet of the flow is in a burst");
        assertEquals(input.flows().get(0).lastNanos(), bursts.endNanos(12), "the last burst ends with the flow's last packet");
        for (int i = 0; i < 13; i++) {
            assertTrue(bursts.endNanos(i) >= bursts.startNanos(i) && (i == 12 || bursts.endNanos(i) < bursts.startNanos(i + 1)), "burst " + i);
        }

        List<Finding> findings = detect(input);

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(List.of("24.199.110.233"), f.evidence().addresses());
        assertEquals("10.0.0.4", f.evidence().host());
        assertEquals(List.of(0), f.evidence().flows());
        assertEquals("T1071", f.technique().orElseThrow());
        assertTrue(f.title().startsWith("beaconing to 24.199.110.233 every 15.1 s"), f.title());
        Map<String, Double> sub = subScores(f);
        assertEquals(1.0, sub.get("periodicity"));
        assertTrue(sub.get("interval-dispersion") > 0.99, sub.toString());
        assertTrue(sub.get("coverage") > 0.98, sub.toString());
        assertEquals(78, f.score());
        assertTrue(f.subScores().stream().anyMatch(s -> s.detail().equals("median interval 15.1 s, median absolute deviation 0.02 s")),
                f.subScores().toString());
    }

    @Test
    void hourlyDnsTimerIsAPeriodicDnsFinding() throws Exception {
        DetectionInput input = CaptureInputs.read(SharedData.captures().resolve("zeek-ticks-dns-1hr.pcap"), Progress.NONE);
        assertEquals(10, input.dnsQueries().size());

        List<Finding> findings = detect(input);

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("periodic DNS queries through resolver 8.8.8.8 every 1.0 h from 10 hosts", f.title());
        assertEquals("T1071.004", f.technique().orElseThrow());
        assertEquals(List.of("8.8.8.8"), f.evidence().addresses());
        assertEquals(10, f.evidence().names().size());
        assertTrue(f.evidence().names().contains("qfhhbbmvrk.de"));
        assertEquals(100, f.score());
        assertEquals(3600.0, f.evidence().timeRanges().get(0).durationSeconds() / 9);
    }

    @Test
    void jitteredBeaconWithVaryingSizesAmongBrowsingIsFound() throws Exception {
        Random random = new Random(3);
        List<Flow> flows = new ArrayList<>();
        double t = 100;
        while (t < 4 * 3600) {
            flows.add(tcp("192.168.1.10", "45.77.1.2", 443, t, t + 0.3, 200 + random.nextInt(1800), 100 + random.nextInt(4900)));
            t += 300 * (1 + 0.2 * (2 * random.nextDouble() - 1));
        }
        flows.addAll(randomContacts(random, "93.184.216.34", 40));
        List<Finding> findings = detect(DetectionInput.of(flows));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(List.of("45.77.1.2"), findings.get(0).evidence().addresses());
        assertTrue(findings.get(0).title().matches("beaconing to 45.77.1.2 every (4.9|5.0|5.1) min from 192.168.1.10"), findings.get(0).title());
        assertTrue(findings.get(0).score() >= 70);
    }

    @Test
    void randomContactsToOneSiteAreNotABeacon() throws Exception {
        List<Finding> findings = detect(DetectionInput.of(randomContacts(new Random(11), "93.184.216.34", 60)));
        assertEquals(List.of(), findings);
    }

    @Test
    void ntpIsIgnoredByDefaultButFoundWhenNotIgnored() throws Exception {
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flows.add(TestFlows.udp("192.168.1.10", 40000 + i, "162.159.200.1", 123, i * 1024.0, i * 1024.0 + 0.02));
        }
        assertEquals(List.of(), detect(DetectionInput.of(flows)));
        List<Finding> found = TestFlows.run(new BeaconingDetector(), BeaconingDetector.ID, BeaconingDetector.DEFAULTS,
                Map.of("ignoredPorts", ""), DetectionInput.of(flows));
        assertEquals(1, found.size());
    }

    /** Contacts at exponential (memoryless) gaps: what browsing to a favourite site looks like. */
    private static List<Flow> randomContacts(Random random, String address, int count) {
        List<Flow> flows = new ArrayList<>();
        double t = 50;
        for (int i = 0; i < count; i++) {
            t += -Math.log(1 - random.nextDouble()) * 240;
            flows.add(tcp("192.168.1.10", address, 443, t, t + 1, 800, 40_000));
        }
        return flows;
    }
}
