package io.egress.cli.internal.backtest;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.internal.backtest.Backtest;
import io.egress.detect.internal.backtest.BacktestResult;
import io.egress.detect.internal.backtest.Label;
import io.egress.detect.internal.registry.InstalledDetectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code egress backtest --labels LABELS.tsv CAPTURE...}: runs every installed detector over
 * labelled captures and prints precision, recall, false positives per 1,000 benign flows and time
 * to detect per detector, then the targets and whether they were met.
 */
public final class BacktestCommand implements Command {
    private static final Set<String> FORMATS = Set.of("table", "json");

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public String summary() {
        return "measure the detectors on labelled captures: precision, recall, time to detect";
    }

    @Override
    public String help() {
        return """
                Usage: egress backtest --labels LABELS.tsv CAPTURE... [--format table|json]
                                       [--detector ID[,ID...]] [--checkpoints N]

                Runs every installed detector (built-in and contributed) over each capture and
                compares the findings with the labels: a finding is a true positive when its
                detector is the label's (or the label says *) and its evidence mentions the
                label's address or name; every other finding is a false positive.

                LABELS.tsv has one tab-separated line per known malicious activity:
                  capture-file-name  detector-id|*  address-or-name[,more]  start-epoch-seconds  [key=value;...]
                The detector id may be short (beaconing for io.egress.detect.beaconing) when
                only one installed detector ends with it; a label naming no installed detector
                is listed under problems and not counted.
                A CAPTURE may be a folder: its .pcap and .pcapng files are read.

                Options:
                  --labels FILE      the labels (required)
                  --format table     per-detector table, missed labels and targets (default)
                  --format json      the same as one JSON object
                  --detector IDS     only these detectors (comma-separated ids)
                  --checkpoints N    replay points for time to detect (default 8)

                Exit status: 0 when the run completed (targets met or not), 1 when the labels
                could not be read, 2 on a usage error.

                Example:
                  releng/bench/backtest/run.sh        (generates a labelled set and runs this)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("labels", "format", "detector", "checkpoints"), Set.of());
        String format = options.choice("format", "table", FORMATS);
        String labelsFile = options.value("labels", null);
        if (labelsFile == null) {
            throw new UsageException("--labels LABELS.tsv is required");
        }
        int checkpoints = checkpoints(options.value("checkpoints", "8"));
        if (options.positional().isEmpty()) {
            throw new UsageException("no capture file given");
        }
        List<Label> labels;
        List<Path> captures;
        try {
            labels = Label.read(Path.of(labelsFile));
            captures = captures(options.positional());
        } catch (NoSuchFileException e) {
            err.println("egress backtest: " + e.getFile() + ": no such file");
            return FAILURE;
        } catch (IOException e) {
            err.println("egress backtest: " + e.getMessage());
            return FAILURE;
        }
        DetectorCatalog installed = InstalledDetectors.catalog();
        DetectorCatalog catalog = only(installed, options.value("detector", ""));
        BacktestResult result = new Backtest(checkpoints).run(catalog, installed.detectors().stream().map(d -> d.id()).toList(), labels,
                captures);
        if (format.equals("json")) {
            BacktestJson.write(result, out);
        } else {
            BacktestTable.print(result, out);
        }
        out.flush();
        return OK;
    }

    private static int checkpoints(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > 100) {
                throw new UsageException("--checkpoints must be between 1 and 100, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--checkpoints must be a whole number, not '" + text + "'");
        }
    }

    private static DetectorCatalog only(DetectorCatalog all, String ids) {
        if (ids.isBlank()) {
            return all;
        }
        List<String> wanted = Stream.of(ids.split(",")).map(String::trim).toList();
        for (String id : wanted) {
            if (all.detectors().stream().noneMatch(d -> d.id().equals(id))) {
                throw new UsageException("no detector with id " + id + " is installed");
            }
        }
        return new DetectorCatalog(all.detectors().stream().filter(d -> wanted.contains(d.id())).toList(), all.loadFailures());
    }

    private static List<Path> captures(List<String> names) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name);
            if (Files.isDirectory(p)) {
                try (Stream<Path> listing = Files.list(p)) {
                    listing.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
