package io.egress.cli.internal.diff;

import io.egress.cli.internal.TextTable;
import io.egress.workspace.DiffReport;
import io.egress.workspace.FindingRecord;
import java.io.PrintStream;
import java.util.List;

/** The table form of a {@link DiffReport}: one section per kind of change, empty sections say so. */
final class DiffTable {
    private final PrintStream out;

    DiffTable(PrintStream out) {
        this.out = out;
    }

    void write(DiffReport r) {
        section("New processes", r.newProcesses().size());
        TextTable processes = new TextTable(List.of("name", "exe", "user"));
        r.newProcesses().forEach(p -> processes.add(List.of(p.name(), p.exePath(), p.user())));
        print(processes, r.newProcesses().size());

        section("New destinations", r.newDestinations().size());
        TextTable destinations = new TextTable(List.of("owner", "address", "ports", "names", "asn", "country", "new"));
        for (DiffReport.NewDestination d : r.newDestinations()) {
            String news = (d.newAsn() ? "asn " : "") + (d.newCountry() ? "country" : "");
            destinations.add(List.of(d.owner(), d.address(), String.join(" ", d.ports()), String.join(" ", d.names()), d.asn(), d.country(),
                    news.strip()));
        }
        print(destinations, r.newDestinations().size());

        section("New listening ports", r.newListeningPorts().size());
        TextTable ports = new TextTable(List.of("host", "protocol", "port", "owner"));
        r.newListeningPorts().forEach(p -> ports.add(List.of(p.host(), p.protocol(), Integer.toString(p.port()), p.owner())));
        print(ports, r.newListeningPorts().size());

        findings("Findings that appeared", r.findingsAppeared());
        findings("Findings that went away", r.findingsGone());
    }

    private void findings(String title, List<FindingRecord> findings) {
        section(title, findings.size());
        TextTable t = new TextTable(List.of("severity", "score", "detector", "title"));
        findings.forEach(f -> t.add(List.of(f.severity(), Integer.toString(f.score()), f.detector(), f.title())));
        print(t, findings.size());
    }

    private void section(String title, int count) {
        out.println(title + " (" + count + ")");
    }

    private void print(TextTable t, int rows) {
        if (rows == 0) {
            out.println("  none");
        } else {
            t.print(out);
        }
        out.println();
    }
}
