package io.egress.cli.internal.workspace;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.cli.internal.enrich.GeoIpFolders;
import io.egress.cli.internal.enrich.RdapCacheDir;
import io.egress.core.progress.Progress;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectionRunner;
import io.egress.detect.DetectorFailure;
import io.egress.detect.capture.CaptureInputs;
import io.egress.detect.internal.registry.InstalledDetectors;
import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapService;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.detect.FindingRecords;
import io.egress.workspace.enrich.AddressAnswers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code egress workspace save --from CAPTURE... -o FILE [--detect] [--embed] [--geoip-dir DIR]... [--rdap-cache DIR | --no-rdap-cache]}.
 * Besides flows and findings it stores the GeoIP answer of every public address of the flows and the
 * RDAP registrations already in the RDAP cache; it never asks a registry or a resolver.
 */
final class SaveAction {
    private final PrintStream out;
    private final PrintStream err;

    SaveAction(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Options o = Options.parse(args, Set.of("from", "output", "geoip-dir", "rdap-cache"), Set.of("detect", "embed", "no-rdap-cache"));
        List<String> captures = new ArrayList<>();
        String from = o.value("from", null);
        if (from != null) {
            captures.add(from);
        }
        captures.addAll(o.positional());
        if (captures.isEmpty()) {
            throw new UsageException("save needs --from CAPTURE");
        }
        String output = o.value("output", null);
        if (output == null) {
            throw new UsageException("save needs -o FILE.egress");
        }
        WorkspaceContent.Builder content = WorkspaceContent.builder();
        for (String name : captures) {
            Path file = Path.of(name);
            CaptureAnalysis analysis;
            try {
                analysis = CaptureAnalyzer.analyze(file, Progress.NONE);
            } catch (CaptureFormatException e) {
                err.println(WorkspaceCommand.NAME + ": " + name + ": not a readable capture file: " + e.getMessage());
                return Command.FAILURE;
            } catch (NoSuchFileException e) {
                err.println(WorkspaceCommand.NAME + ": " + name + ": no such file");
                return Command.FAILURE;
            }
            analysis.warnings().forEach(w -> err.println(WorkspaceCommand.NAME + ": " + name + ": warning: " + w));
            long firstId = content.addCapture(CaptureRef.of(file, o.flag("embed")), analysis.flows());
            if (o.flag("detect")) {
                DetectionReport report = new DetectionRunner().run(InstalledDetectors.catalog(), CaptureInputs.of(analysis));
                for (DetectorFailure failure : report.failures()) {
                    err.println(WorkspaceCommand.NAME + ": " + name + ": detector failed: " + failure);
                }
                report.findings().forEach(f -> content.finding(FindingRecords.of(f, firstId)));
            }
        }
        WorkspaceContent built = enriched(content.build(), o);
        Path target = Path.of(output);
        new WorkspaceStore().save(target, built, Progress.NONE);
        err.println(WorkspaceCommand.NAME + ": saved " + target + ": " + count(built.captures().size(), "capture") + ", "
                + count(built.flows().size(), "flow") + ", " + count(built.findings().size(), "finding") + ", "
                + count(built.enrichment().size(), "enrichment answer"));
        out.flush();
        return Command.OK;
    }

    /** GeoIP answers from the databases found as {@code egress ip} finds them, RDAP answers from the cache only. */
    private WorkspaceContent enriched(WorkspaceContent content, Options o) {
        List<Path> dirs = o.values("geoip-dir").stream().map(Path::of).toList();
        RdapConfig rdap = RdapConfig.defaults().withNetworkAllowed(false);
        if (!o.flag("no-rdap-cache")) {
            rdap = rdap.withCacheDir(Optional.ofNullable(o.value("rdap-cache", null)).map(Path::of).orElseGet(RdapCacheDir::defaultDir));
        }
        try (GeoIpService geo = GeoIpService.open(GeoIpFolders.config(dirs));
                ReverseDnsService rdns = new ReverseDnsService(ReverseDnsConfig.defaults());
                RdapService registry = new RdapService(rdap)) {
            GeoIpFolders.report(geo.catalogue(), err);
            return AddressAnswers.enriched(content, new IpDetailsService(geo, rdns, registry), System.currentTimeMillis());
        }
    }

    /** "1 flow", "2 flows". */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
