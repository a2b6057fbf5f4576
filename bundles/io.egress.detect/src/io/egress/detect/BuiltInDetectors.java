package io.egress.detect;

import io.egress.detect.internal.detectors.BeaconingDetector;
import io.egress.detect.internal.detectors.DirectIpDetector;
import io.egress.detect.internal.detectors.DnsChannelDetector;
import io.egress.detect.internal.detectors.LongConnectionDetector;
import io.egress.detect.internal.detectors.NewDestinationRegionDetector;
import io.egress.detect.internal.detectors.OutboundVolumeDetector;
import io.egress.detect.internal.detectors.SuspiciousExecutableDetector;
import io.egress.detect.internal.detectors.ThreatIntelDetector;
import io.egress.detect.internal.detectors.UnusualPortDetector;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The detectors Egress ships, for use without OSGi (tests, jobs on a distributed engine). Under
 * OSGi the same detectors come from {@code plugin.xml} through the extension registry, with the
 * same ids, severities, priorities and parameter defaults.
 */
public final class BuiltInDetectors {
    private BuiltInDetectors() {
    }

    /** All built-in detectors, highest priority first. */
    public static DetectorCatalog catalog() {
        return DetectorCatalog.of(List.of(
                d(BeaconingDetector.ID, "Beaconing", "Regular contacts from one program or host to one destination, scored like RITA",
                        "command and control", Severity.MEDIUM, 100, BeaconingDetector.DEFAULTS, BeaconingDetector::new),
                d(ThreatIntelDetector.ID, "Threat-intelligence match", "Addresses, networks and domains found on threat lists",
                        "known bad", Severity.HIGH, 95, ThreatIntelDetector.DEFAULTS, ThreatIntelDetector::new),
                d(SuspiciousExecutableDetector.ID, "Suspicious executable talking",
                        "A process on the network whose executable is deleted, in a temporary or hidden folder, or misnamed",
                        "execution", Severity.HIGH, 90, SuspiciousExecutableDetector.DEFAULTS, SuspiciousExecutableDetector::new),
                d(DnsChannelDetector.ID, "DNS used as a channel", "Many random subdomains of one domain or many TXT questions",
                        "command and control", Severity.MEDIUM, 80, DnsChannelDetector.DEFAULTS, DnsChannelDetector::new),
                d(OutboundVolumeDetector.ID, "Much more out than in", "Far more data sent to a destination than received from it",
                        "exfiltration", Severity.MEDIUM, 70, OutboundVolumeDetector.DEFAULTS, OutboundVolumeDetector::new),
                d(LongConnectionDetector.ID, "Long connection", "Connections to the Internet that stay open for a long time",
                        "command and control", Severity.LOW, 60, LongConnectionDetector.DEFAULTS, LongConnectionDetector::new),
                d(UnusualPortDetector.ID, "Protocol on an unusual port", "TLS, QUIC or HTTP on a port that protocol does not normally use",
                        "command and control", Severity.LOW, 50, UnusualPortDetector.DEFAULTS, UnusualPortDetector::new),
                d(DirectIpDetector.ID, "Connection without DNS", "Connections to a public address that no DNS answer in the capture explains",
                        "command and control", Severity.LOW, 40, DirectIpDetector.DEFAULTS, DirectIpDetector::new),
                d(NewDestinationRegionDetector.ID, "New country or network", "A process contacting a country or ASN it did not use before",
                        "command and control", Severity.LOW, 30, NewDestinationRegionDetector.DEFAULTS, NewDestinationRegionDetector::new)));
    }

    private static DetectorDescriptor d(String id, String name, String description, String category, Severity severity, int priority,
            Map<String, String> defaults, Supplier<Detector> factory) {
        return new DetectorDescriptor(id, name, description, category, severity, priority, DetectorDescriptor.DEFAULT_TIME_BUDGET,
                Parameters.of(defaults), factory);
    }
}
