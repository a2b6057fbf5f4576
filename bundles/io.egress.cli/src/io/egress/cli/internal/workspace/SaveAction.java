package io.egress.cli.internal.workspace;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.core.progress.Progress;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectionRunner;
import io.egress.detect.DetectorFailure;
import io.egress.detect.capture.CaptureInputs;
import io.egress.detect.internal.registry.InstalledDetectors;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.detect.FindingRecords;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code egress workspace save --from CAPTURE... -o FILE [--detect] [--embed]}. */
final class SaveAction {
    private final PrintStream out;
    private final PrintStream err;

    SaveAction(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Options o = Options.parse(args, Set.of("from", "output"), Set.of("detect", "embed"));
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
        WorkspaceContent built = content.build();
        Path target = Path.of(output);
        new WorkspaceStore().save(target, built, Progress.NONE);
        err.println(WorkspaceCommand.NAME + ": saved " + target + ": " + built.captures().size() + " capture(s), " + built.flows().size()
                + " flow(s), " + built.findings().size() + " finding(s)");
        out.flush();
        return Command.OK;
    }
}
