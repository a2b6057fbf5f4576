package io.egress.detect.internal.detectors;

import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.DnsQuery;
import io.egress.detect.Finding;
import io.egress.detect.internal.stats.RobustStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DNS used to carry data (tunnelling tools such as iodine or dnscat2, exfiltration in labels): many
 * distinct subdomains of one domain, random-looking (high-entropy) labels, many TXT or NULL
 * questions. Grouped per origin and registered domain.
 */
public final class DnsChannelDetector implements Detector {
    public static final String ID = "io.egress.detect.dnschannel";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered(
            "minUniqueSubdomains", "40",
            "minEntropyBits", "3.3",
            "minTxtQueries", "40",
            "ignoredDomains", "in-addr.arpa,ip6.arpa,local");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        int minUnique = context.parameters().integer("minUniqueSubdomains", 40);
        double minEntropy = context.parameters().decimal("minEntropyBits", 3.3);
        int minTxt = context.parameters().integer("minTxtQueries", 40);
        Set<String> ignored = Set.copyOf(context.parameters().list("ignoredDomains", "in-addr.arpa,ip6.arpa,local"));
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (DnsQuery q : input.dnsQueries()) {
            String domain = DomainNames.registered(q.name());
            if (ignored.contains(domain)) {
                continue;
            }
            String origin = q.flow() >= 0 ? FlowFacts.originKey(input, q.flow()) : "host " + q.client();
            channels.computeIfAbsent(origin + " " + domain, k -> new Channel(domain)).add(q);
        }
        List<Finding> findings = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (context.cancelled()) {
                break;
            }
            double entropy = c.meanEntropy();
            boolean manyRandom = c.subdomains.size() >= minUnique && (entropy >= minEntropy || c.meanLength() >= 24);
            boolean manyTxt = c.txt >= minTxt;
            if (!manyRandom && !manyTxt) {
                continue;
            }
            double uniqueScore = RobustStats.unit(c.subdomains.size() / (2.0 * minUnique));
            double entropyScore = RobustStats.unit((entropy - 2.5) / 2);
            double lengthScore = RobustStats.unit(c.meanLength() / 40);
            double txtScore = RobustStats.unit(c.txt / (2.0 * minTxt));
            double strength = 0.5 + 0.5 * Math.max((uniqueScore + Math.max(entropyScore, lengthScore)) / 2, txtScore);
            Findings b = new Findings(input, context).flows(c.flows).name(c.domain).time(c.first, c.last);
            c.servers.forEach(b::address);
            b.sub("unique-subdomains", uniqueScore, c.subdomains.size() + " distinct subdomains of " + c.domain)
                    .sub("label-entropy", entropyScore, String.format(Locale.ROOT, "%.2f bits per character on average", entropy))
                    .sub("label-length", lengthScore, String.format(Locale.ROOT, "%.0f characters on average", c.meanLength()))
                    .sub("txt-volume", txtScore, c.txt + " TXT or NULL questions of " + c.queries);
            findings.add(b.build(context.defaultSeverity(), strength, "DNS used as a channel to " + c.domain,
                    c.queries + " DNS questions went to names under " + c.domain + ", " + c.subdomains.size() + " of them different and "
                            + "random-looking" + (c.txt > 0 ? ", " + c.txt + " asking for TXT or NULL records" : "")
                            + ". Ordinary programs ask for a few names again and again; tools that smuggle data through DNS encode it"
                            + " in ever new subdomains and read replies from TXT records.",
                    "T1071.004"));
        }
        return findings;
    }

    /** The questions of one origin for one domain. */
    private static final class Channel {
        final String domain;
        final Set<String> subdomains = new LinkedHashSet<>();
        final Set<Integer> flows = new LinkedHashSet<>();
        final Set<String> servers = new LinkedHashSet<>();
        int queries;
        int txt;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Channel(String domain) {
            this.domain = domain;
        }

        void add(DnsQuery q) {
            queries++;
            String sub = DomainNames.subdomain(q.name());
            if (!sub.isEmpty()) {
                subdomains.add(sub);
            }
            if (q.type() == DnsQuery.TYPE_TXT || q.type() == DnsQuery.TYPE_NULL) {
                txt++;
            }
            if (q.flow() >= 0 && flows.size() < 1000) {
                flows.add(q.flow());
            }
            servers.add(q.server());
            first = Math.min(first, q.timeNanos());
            last = Math.max(last, q.timeNanos());
        }

        double meanEntropy() {
            return subdomains.stream().mapToDouble(s -> RobustStats.entropy(s.replace(".", ""))).average().orElse(0);
        }

        double meanLength() {
            return subdomains.stream().mapToInt(String::length).average().orElse(0);
        }
    }
}
