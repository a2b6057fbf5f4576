package io.egress.detect.internal.detectors;

import static io.egress.detect.internal.detectors.TestFlows.name;
import static io.egress.detect.internal.detectors.TestFlows.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.Flow;
import io.egress.core.flow.NameSource;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.detect.DetectionInput;
import io.egress.detect.DnsQuery;
import io.egress.detect.Enrichment;
import io.egress.detect.Finding;
import io.egress.detect.ProcessAttribution;
import io.egress.core.net.IpAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherDetectorsTest {
    private static final String HOST = "192.168.1.10";

    @Test
    void threatListsMatchAddressesNetworksAndDomainsFromPlainAndCsvFiles(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("bad.txt"), "# known bad\n203.0.113.0/24\nevil.example\n");
        Path csv = Files.writeString(dir.resolve("feed.csv"), "indicator,type,first seen\n\"198.51.100.7\",ip,2024-01-01\nc2.example.net,domain,x\n");
        List<Flow> flows = List.of(
                tcp(HOST, "203.0.113.9", 443, 0, 1, 100, 100),
                tcp(HOST, "93.184.216.34", 443, 2, 3, 100, 100, name("www.evil.example", NameSource.TLS_SNI, 2)),
                tcp(HOST, "198.51.100.7", 80, 4, 5, 100, 100),
                tcp(HOST, "93.184.216.35", 443, 6, 7, 100, 100, name("benign.example.org", NameSource.DNS, 5)));
        DetectionInput input = DetectionInput.builder(flows).dnsQueries(List.of(
                new DnsQuery(TestFlows.at(8), -1, HOST, "192.168.1.1", "x.c2.example.net", 16))).build();

        List<Finding> findings = TestFlows.run(new ThreatIntelDetector(), ThreatIntelDetector.ID, ThreatIntelDetector.DEFAULTS,
                Map.of("lists", plain + "," + csv), input);

        assertEquals(4, findings.size(), findings.toString());
        assertEquals(List.of("203.0.113.9"), findings.get(0).evidence().addresses());
        assertTrue(findings.get(1).evidence().names().contains("www.evil.example"));
        assertEquals(List.of("198.51.100.7"), findings.get(2).evidence().addresses());
        assertTrue(findings.get(3).evidence().names().contains("x.c2.example.net"));
        assertEquals(100, findings.get(0).score());
    }

    @Test
    void threatIntelWithoutListsOrWithoutMatchesFindsNothing() throws Exception {
        DetectionInput input = DetectionInput.of(List.of(tcp(HOST, "93.184.216.34", 443, 0, 1, 1, 1)));
        assertEquals(List.of(), TestFlows.run(new ThreatIntelDetector(), ThreatIntelDetector.ID, ThreatIntelDetector.DEFAULTS, input));
        assertEquals(List.of(), TestFlows.run(new ThreatIntelDetector(), ThreatIntelDetector.ID, ThreatIntelDetector.DEFAULTS,
                Map.of("indicators", "10.0.0.0/8,bad.example"), input));
    }

    @Test
    void aConnectionOpenForHoursIsLongAShortOneIsNot() throws Exception {
        DetectionInput input = DetectionInput.of(List.of(tcp(HOST, "93.184.216.34", 443, 0, 3 * 3600, 1, 1),
                tcp(HOST, "93.184.216.35", 443, 0, 59 * 60, 1, 1), tcp(HOST, "192.168.1.20", 22, 0, 9 * 3600, 1, 1)));
        List<Finding> findings = TestFlows.run(new LongConnectionDetector(), LongConnectionDetector.ID, LongConnectionDetector.DEFAULTS, input);
        assertEquals(1, findings.size());
        assertEquals(List.of("93.184.216.34"), findings.get(0).evidence().addresses());
        assertEquals(71, findings.get(0).score()); // 0.6 + 0.4 * (2 h / 7 h)
    }

    @Test
    void manyRandomSubdomainsAreADnsChannelRepeatedNamesAreNot() throws Exception {
        Random random = new Random(5);
        List<DnsQuery> queries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            StringBuilder label = new StringBuilder();
            for (int c = 0; c < 30; c++) {
                label.append((char) ('a' + random.nextInt(26)));
            }
            queries.add(new DnsQuery(TestFlows.at(i), -1, HOST, "192.168.1.1", label + ".t.tunnel.example", i % 2 == 0 ? 16 : 1));
            queries.add(new DnsQuery(TestFlows.at(i), -1, HOST, "192.168.1.1", "www.example.com", 1));
            queries.add(new DnsQuery(TestFlows.at(i), -1, HOST, "192.168.1.1", "img" + (i % 5) + ".example.com", 1));
        }
        DetectionInput input = DetectionInput.builder(List.of()).dnsQueries(queries).build();
        List<Finding> findings = TestFlows.run(new DnsChannelDetector(), DnsChannelDetector.ID, DnsChannelDetector.DEFAULTS, input);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DNS used as a channel to tunnel.example", findings.get(0).title());
        assertEquals("T1071.004", findings.get(0).technique().orElseThrow());
        assertTrue(findings.get(0).subScores().stream().anyMatch(s -> s.detail().equals("120 distinct subdomains of tunnel.example")));
        assertTrue(findings.get(0).subScores().stream().anyMatch(s -> s.detail().equals("60 TXT or NULL questions of 120")));
    }

    @Test
    void suspiciousExecutablesAreFoundOrdinaryOnesAreNot() throws Exception {
        ProcessInfo deleted = process(10, "updater", "/usr/lib/updater", ExecutableState.DELETED);
        ProcessInfo inShm = process(11, "x", "/dev/shm/x", ExecutableState.PRESENT);
        ProcessInfo hidden = process(12, "sync", "/home/u/.cache/.s/sync", ExecutableState.PRESENT);
        ProcessInfo misnamed = process(13, "sshd", "/home/u/bin/miner", ExecutableState.PRESENT);
        ProcessInfo normal = process(14, "firefox", "/usr/lib/firefox/firefox", ExecutableState.PRESENT);
        ProcessInfo python = process(15, "python3", "/usr/bin/python3.11", ExecutableState.PRESENT);
        List<ProcessInfo> all = List.of(deleted, inShm, hidden, misnamed, normal, python);
        List<Flow> flows = new ArrayList<>();
        java.util.Map<Integer, ProcessInfo> owners = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            flows.add(tcp(HOST, "93.184.216." + (10 + i), 443, i, i + 1, 10, 10));
            owners.put(i, all.get(i));
        }
        DetectionInput input = DetectionInput.builder(flows).processes(ProcessAttribution.of(owners)).build();
        List<Finding> findings = TestFlows.run(new SuspiciousExecutableDetector(), SuspiciousExecutableDetector.ID,
                SuspiciousExecutableDetector.DEFAULTS, input);
        assertEquals(List.of(10L, 11L, 12L, 13L), findings.stream().map(f -> f.evidence().process().orElseThrow().pid()).toList());
        assertEquals("T1070.004", findings.get(0).technique().orElseThrow());
        assertTrue(findings.get(3).explanation().contains("calls itself 'sshd' but runs the file /home/u/bin/miner"));
        assertEquals(List.of(), TestFlows.run(new SuspiciousExecutableDetector(), SuspiciousExecutableDetector.ID,
                SuspiciousExecutableDetector.DEFAULTS, DetectionInput.of(flows)), "no processes known: nothing to say");
    }

    @Test
    void aPublicAddressNoDnsAnswerNamedIsDirect() throws Exception {
        List<Flow> flows = List.of(
                tcp(HOST, "93.184.216.34", 443, 400, 401, 10, 10, name("example.com", NameSource.DNS, 399)),
                tcp(HOST, "45.77.1.2", 443, 500, 501, 10, 10),
                tcp(HOST, "45.77.1.2", 443, 600, 601, 10, 10),
                tcp(HOST, "45.77.9.9", 443, 10, 11, 10, 10),
                tcp(HOST, "192.168.1.20", 445, 700, 701, 10, 10));
        List<Finding> findings = TestFlows.run(new DirectIpDetector(), DirectIpDetector.ID, DirectIpDetector.DEFAULTS, DetectionInput.of(flows));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(List.of("45.77.1.2"), findings.get(0).evidence().addresses());
        assertEquals(List.of(1, 2), findings.get(0).evidence().flows());
        assertEquals(70, findings.get(0).score());

        List<Flow> withoutDns = List.of(tcp(HOST, "45.77.1.2", 443, 500, 501, 10, 10));
        assertEquals(List.of(), TestFlows.run(new DirectIpDetector(), DirectIpDetector.ID, DirectIpDetector.DEFAULTS,
                DetectionInput.builder(withoutDns).captureTime(new io.egress.detect.TimeSpan(TestFlows.at(0), TestFlows.at(900))).build()),
                "a capture without any DNS cannot tell direct connections apart");
    }

    @Test
    void muchMoreOutThanInIsReportedDownloadsAreNot() throws Exception {
        List<Flow> flows = List.of(tcp(HOST, "45.77.1.2", 443, 0, 60, 50L << 20, 100_000),
                tcp(HOST, "93.184.216.34", 443, 0, 60, 100_000, 50L << 20),
                tcp(HOST, "93.184.216.35", 443, 0, 60, 500_000, 10_000));
        List<Finding> findings = TestFlows.run(new OutboundVolumeDetector(), OutboundVolumeDetector.ID, OutboundVolumeDetector.DEFAULTS,
                DetectionInput.of(flows));
        assertEquals(1, findings.size());
        assertEquals(List.of("45.77.1.2"), findings.get(0).evidence().addresses());
        assertEquals("T1048", findings.get(0).technique().orElseThrow());
        assertTrue(findings.get(0).title().startsWith("50 MiB sent to 45.77.1.2"), findings.get(0).title());
    }

    @Test
    void aNewCountryAfterTheBaselineIsReported() throws Exception {
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flows.add(tcp(HOST, "93.184.216." + i, 443, i * 10, i * 10 + 1, 10, 10));
        }
        flows.add(tcp(HOST, "93.184.216.9", 443, 200, 201, 10, 10));
        flows.add(tcp(HOST, "45.77.1.2", 443, 210, 211, 10, 10));
        Enrichment geo = new Enrichment() {
            @Override
            public Optional<String> country(byte[] address) {
                return Optional.of(IpAddresses.format(address).startsWith("45.") ? "KP" : "US");
            }

            @Override
            public Optional<String> asn(byte[] address) {
                return Optional.empty();
            }
        };
        List<Finding> findings = TestFlows.run(new NewDestinationRegionDetector(), NewDestinationRegionDetector.ID,
                NewDestinationRegionDetector.DEFAULTS, DetectionInput.builder(flows).enrichment(geo).build());
        assertEquals(1, findings.size());
        assertEquals("192.168.1.10 contacts country KP for the first time", findings.get(0).title());
        assertEquals(List.of(), TestFlows.run(new NewDestinationRegionDetector(), NewDestinationRegionDetector.ID,
                NewDestinationRegionDetector.DEFAULTS, DetectionInput.of(flows)), "no enrichment: nothing to compare");
    }

    @Test
    void tlsOnAnUnusualPortIsReportedOnItsUsualPortIsNot() throws Exception {
        List<Flow> flows = List.of(tcp(HOST, "45.77.1.2", 8088, 0, 1, 10, 10, name("update.example", NameSource.TLS_SNI, 0)),
                tcp(HOST, "93.184.216.34", 443, 0, 1, 10, 10, name("example.com", NameSource.TLS_SNI, 0)),
                tcp(HOST, "93.184.216.35", 8080, 0, 1, 10, 10, name("proxy.example", NameSource.HTTP_HOST, 0)));
        List<Finding> findings = TestFlows.run(new UnusualPortDetector(), UnusualPortDetector.ID, UnusualPortDetector.DEFAULTS,
                DetectionInput.of(flows));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).title().startsWith("TLS to update.example on unusual port 8088"), findings.get(0).title());
        assertEquals("T1571", findings.get(0).technique().orElseThrow());
    }

    private static ProcessInfo process(long pid, String name, String exe, ExecutableState state) {
        return new ProcessInfo(pid, 1000, name, exe, exe, "u", 1000, 1, state, "test");
    }
}
