package io.egress.cli.internal.workspace;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.core.progress.Progress;
import io.egress.workspace.OpenedWorkspace;
import io.egress.workspace.PacketExportResult;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceExporter;
import io.egress.workspace.WorkspaceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code egress workspace export FILE --format json|csv|pcapng [--pseudonymise] [--flows ID,...] -o OUT}. */
final class ExportAction {
    private final PrintStream out;
    private final PrintStream err;

    ExportAction(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Options o = Options.parse(args, Set.of("format", "output", "flows"), Set.of("pseudonymise", "pseudonymize"));
        String format = o.choice("format", "json", Set.of("json", "csv", "pcapng"));
        boolean pseudonymise = o.flag("pseudonymise") || o.flag("pseudonymize");
        if (o.positional().size() != 1) {
            throw new UsageException("export needs exactly one FILE.egress");
        }
        String output = o.value("output", null);
        if (output == null) {
            throw new UsageException("export needs -o OUT");
        }
        if (pseudonymise && format.equals("pcapng")) {
            throw new UsageException("--pseudonymise works with json and csv: packets carry the original addresses and names");
        }
        if (format.equals("csv") && output.equals("-")) {
            throw new UsageException("csv writes three files: -o DIR (only json goes to standard output with -o -)");
        }
        Set<Long> flows = flowIds(o.value("flows", ""));
        OpenedWorkspace opened = new WorkspaceStore().open(Path.of(o.positional().get(0)), Progress.NONE);
        Set<Long> known = new HashSet<>();
        opened.content().flows().forEach(f -> known.add(f.id()));
        List<Long> unknown = flows.stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("no flow with id " + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " in " + o.positional().get(0) + " (workspace export --format json lists the ids)");
        }
        opened.captureProblems().forEach(p -> err.println(WorkspaceCommand.NAME + ": warning: capture " + p.problem()));
        WorkspaceContent content = opened.content();
        if (!flows.isEmpty() && !format.equals("pcapng")) {
            content = selectFlows(content, flows);
        }
        if (pseudonymise) {
            content = WorkspaceExporter.pseudonymised(content);
        }
        switch (format) {
            case "json" -> json(content, output);
            case "csv" -> csv(content, Path.of(output));
            default -> {
                if (output.equals("-")) {
                    throw new UsageException("pcapng needs a file: -o OUT.pcapng");
                }
                PacketExportResult result;
                try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                    result = WorkspaceExporter.pcapng(content, flows, file, Progress.NONE);
                }
                result.problems().forEach(p -> err.println(WorkspaceCommand.NAME + ": warning: " + p));
                err.println(WorkspaceCommand.NAME + ": wrote " + result.packets() + (result.packets() == 1 ? " packet" : " packets")
                        + " to " + output);
            }
        }
        return Command.OK;
    }

    private void json(WorkspaceContent content, String output) throws IOException {
        if (output.equals("-")) {
            WorkspaceExporter.json(content, out);
            out.flush();
            return;
        }
        try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            WorkspaceExporter.json(content, w);
        }
    }

    private static void csv(WorkspaceContent content, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("flows.csv"), StandardCharsets.UTF_8)) {
            WorkspaceExporter.flowsCsv(content, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
            WorkspaceExporter.findingsCsv(content, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("notes.csv"), StandardCharsets.UTF_8)) {
            WorkspaceExporter.notesCsv(content, w);
        }
    }

    private static WorkspaceContent selectFlows(WorkspaceContent content, Set<Long> ids) {
        return new WorkspaceContent(content.captures(), content.flows().stream().filter(f -> ids.contains(f.id())).toList(),
                content.processes(), content.enrichment(), content.findings(), content.notes(), content.tags(), content.bookmarks(),
                content.detectorSettings(), content.viewState(), content.origin());
    }

    private static Set<Long> flowIds(String list) {
        Set<Long> ids = new HashSet<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                try {
                    ids.add(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--flows takes flow ids separated by commas, not '" + s.trim() + "'");
                }
            }
        }
        return ids;
    }
}
