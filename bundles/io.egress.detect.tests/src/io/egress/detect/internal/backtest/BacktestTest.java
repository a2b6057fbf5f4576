package io.egress.detect.internal.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.detect.BuiltInDetectors;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.internal.detectors.BeaconingDetector;
import io.egress.tests.support.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
    @Test
    void generatedSetMeetsTheTargetsForBeaconing(@TempDir Path dir) throws Exception {
        LabelledSetGenerator.generate(dir, 6);
        List<Path> captures = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".pcap")).sorted().forEach(captures::add);
        }
        captures.add(SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng"));
        captures.add(SharedData.captures().resolve("zeek-ticks-dns-1hr.pcap"));
        assertEquals(42, captures.size());
        DetectorCatalog beaconing = new DetectorCatalog(
                BuiltInDetectors.catalog().detectors().stream().filter(d -> d.id().equals(BeaconingDetector.ID)).toList(), List.of());

        BacktestResult r = new Backtest(1).run(beaconing, BuiltInDetectors.catalog().detectors().stream().map(d -> d.id()).toList(),
                Label.read(dir.resolve("labels.tsv")), captures);

        DetectorScore s = r.scores().get(0);
        assertEquals(42, s.labels());
        assertEquals(41, s.detected(), r.outcomes().stream().filter(o -> !o.found()).toList().toString());
        assertEquals(54, s.truePositives());
        assertEquals(27, s.falsePositives());
        assertTrue(s.falsePositivesPer1000Flows() < 0.5, "FP per 1000 flows " + s.falsePositivesPer1000Flows());
        assertEquals(1.0, r.targets().get(0).achieved(), "beacon recall with jitter up to 20 %");
        assertTrue(r.targets().stream().limit(2).allMatch(BacktestResult.Target::met), r.targets().toString());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void labelsParseDecimalStartsTagsAndSeveralIndicators(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("l.tsv"), "# comment\na.pcap\t*\t45.77.1.2, c2.example\t1735767286.951851\tjitter=0.2;interval=15\n");
        Label l = Label.read(file).get(0);
        assertEquals(1735767286951851000L, l.startNanos());
        assertEquals(List.of("45.77.1.2", "c2.example"), l.indicators());
        assertEquals(0.2, l.tag("jitter", 0));
        assertTrue(l.concerns("anything"));
    }

    @Test
    void aShortDetectorIdIsResolvedAndAnUnknownOneIsAProblemNotASilentMiss() {
        List<String> all = BuiltInDetectors.catalog().detectors().stream().map(d -> d.id()).toList();
        String shortId = BeaconingDetector.ID.substring(BeaconingDetector.ID.lastIndexOf('.') + 1);
        List<Label> labels = List.of(new Label("a.pcap", shortId, "45.77.1.2", 0, java.util.Map.of()),
                new Label("a.pcap", "no-such-detector", "45.77.1.2", 0, java.util.Map.of()),
                new Label("a.pcap", Label.ANY_DETECTOR, "45.77.1.2", 0, java.util.Map.of()));
        List<String> problems = new ArrayList<>();
        List<Label> resolved = Backtest.resolveDetectorIds(all, labels, problems);
        assertEquals(List.of(BeaconingDetector.ID, Label.ANY_DETECTOR), resolved.stream().map(Label::detector).toList());
        assertEquals(List.of("label for a.pcap (45.77.1.2) names detector 'no-such-detector', which is not installed; not counted"),
                problems);
    }
}
