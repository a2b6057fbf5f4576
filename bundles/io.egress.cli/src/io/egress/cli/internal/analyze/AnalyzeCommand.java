package io.egress.cli.internal.analyze;

import java.util.Optional;

import io.egress.detect.DetectionReport;
import io.egress.detect.DetectionRunner;
import io.egress.detect.DetectorFailure;
import io.egress.detect.capture.CaptureInputs;
import io.egress.detect.internal.registry.InstalledDetectors;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.core.progress.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code egress analyze FILE... [--format json|csv|table]}: reads pcap/pcapng files into flows and
 * prints, per file, its summary, conversation counts, flows and warnings. A file that cannot be read
 * is reported on stderr (naming the file and the problem) and makes the exit status 1; the other
 * files are still analysed.
 */
public final class AnalyzeCommand implements Command {
    private static final Set<String> FORMATS = Set.of("json", "csv", "table");

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "read pcap/pcapng capture files into flows and conversation counts";
    }

    @Override
    public String help() {
        return """
                Usage: egress analyze FILE... [--format json|csv|table] [--detect]

                Reads each capture file (pcap or pcapng, recognised by its magic number) into
                bidirectional flows and prints its packets, first and last timestamps, link types,
                conversation counts (tcp, udp, icmp, ipv4, ipv6) and flows.

                Options:
                  --format table   a summary and an aligned flow table per file (default)
                  --format json    one JSON object per file, one line each, in argument order
                                   (fields in docs/analyze.md)
                  --format csv     one row per flow, with the file name in the first column
                  --detect         also run every installed detector (beaconing, threat lists,
                                   DNS channels, ...) and add `findings` (JSON) or a findings
                                   table after the flows (docs/detectors.md)

                Exit status: 0 when every file was read (a file cut short is read up to the cut
                and gets a warning), 1 when a file could not be read at all, 2 on a usage error.

                Example:
                  egress analyze capture.pcapng --format json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("format"), Set.of("detect"));
        boolean detect = options.flag("detect");
        String format = options.choice("format", "table", FORMATS);
        List<String> files = options.positional();
        if (files.isEmpty()) {
            throw new UsageException("no capture file given");
        }
        AnalysisPrinter printer = switch (format) {
            case "json" -> new JsonAnalysisPrinter(out);
            case "csv" -> new CsvAnalysisPrinter(out);
            default -> new TableAnalysisPrinter(out);
        };
        int status = OK;
        printer.begin();
        for (String name : files) {
            Path file = Path.of(name);
            try {
                CaptureAnalysis analysis = CaptureAnalyzer.analyze(file, Progress.NONE);
                Optional<DetectionReport> report = Optional.empty();
                if (detect) {
                    report = Optional.of(new DetectionRunner().run(InstalledDetectors.catalog(), CaptureInputs.of(analysis)));
                    for (DetectorFailure f : report.get().failures()) {
                        err.println("egress analyze: " + name + ": detector failed: " + f);
                    }
                }
                printer.print(analysis, report);
                if (report.isPresent() && !format.equals("json")) {
                    FindingsTable.print(report.get(), out);
                }
                if (!format.equals("json")) {
                    for (String w : analysis.warnings()) {
                        err.println("egress analyze: " + name + ": warning: " + w);
                    }
                }
            } catch (CaptureFormatException e) {
                err.println("egress analyze: " + name + ": not a readable capture file: " + problem(e));
                status = FAILURE;
            } catch (NoSuchFileException e) {
                err.println("egress analyze: " + name + ": no such file");
                status = FAILURE;
            } catch (AccessDeniedException e) {
                err.println("egress analyze: " + name + ": permission denied");
                status = FAILURE;
            } catch (IOException e) {
                err.println("egress analyze: " + name + ": cannot be read: " + e.getMessage());
                status = FAILURE;
            }
        }
        printer.end();
        out.flush();
        return status;
    }

    /** The exception's text after its "file: " prefix (the CLI names the file as typed). */
    private static String problem(CaptureFormatException e) {
        String m = e.getMessage();
        String prefix = e.file().getFileName() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
