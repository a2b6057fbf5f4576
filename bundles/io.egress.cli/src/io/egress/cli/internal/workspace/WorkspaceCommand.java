package io.egress.cli.internal.workspace;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.UsageException;
import io.egress.workspace.WorkspaceException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code egress workspace save|info|export ...}: saved investigations on the command line. The
 * sub-commands live in their own classes; this one dispatches and turns failures into messages
 * that name the file and the problem.
 */
public final class WorkspaceCommand implements Command {
    static final String NAME = "egress workspace";

    @Override
    public String name() {
        return "workspace";
    }

    @Override
    public String summary() {
        return "save captures as a workspace file (.egress), show what one holds, export it";
    }

    @Override
    public String help() {
        return """
                Usage: egress workspace save --from CAPTURE... -o FILE.egress [--detect] [--embed]
                                             [--geoip-dir DIR]... [--rdap-cache DIR | --no-rdap-cache]
                       egress workspace info FILE.egress [--format json|table]
                       egress workspace export FILE.egress --format json|csv|pcapng [--pseudonymise]
                                               [--flows ID,ID...] -o OUT

                save     reads each capture (pcap or pcapng) into flows and writes one workspace file
                         (SQLite). The file is replaced atomically; an existing file that is not an
                         Egress workspace is never overwritten.
                  --detect   also run the installed detectors and store their findings
                  --embed    store the packets inside the workspace (it then works without the captures)
                         It also stores what is known about every public address of the flows, offline:
                         the GeoIP answer (country, ASN, city, network, and the database type, build
                         date and file behind it) and RDAP registrations already in the cache. No
                         registry or resolver is asked. diff compares ASNs and countries from these.
                  --geoip-dir DIR    the .mmdb files in DIR (repeatable) instead of $EGRESS_GEOIP_DIR and
                                     the standard geoipupdate folders (/usr/share/GeoIP, /var/lib/GeoIP, ...)
                  --rdap-cache DIR   the RDAP cache to read (default ~/.cache/egress/rdap, as egress ip)
                  --no-rdap-cache    store no RDAP answers
                info     counts of flows, processes, findings, notes, tags, bookmarks and enrichment
                         answers, and the captures with their size, SHA-256 and whether they are at hand
                export   --format json     one JSON object (flows, findings, notes, processes...)
                         --format csv      OUT is a directory: flows.csv, findings.csv, notes.csv
                         --format pcapng   the packets of the flows (all, or --flows ID,...) read again
                                           from the captures or the embedded packets
                         --pseudonymise    internal addresses, host names and user names replaced by
                                           consistent pseudonyms (json and csv only)
                         -o -              writes json to stdout

                Exit status: 0 ok, 1 failure (the message names the file and the problem), 2 usage.
                Details: docs/workspace.md

                Examples:
                  egress workspace save --from monday.pcapng -o monday.egress --detect
                  EGRESS_GEOIP_DIR=/usr/share/GeoIP egress workspace save --from tuesday.pcapng -o tuesday.egress
                  egress diff monday.egress tuesday.egress
                  egress workspace info monday.egress --format json
                  egress workspace export monday.egress --format json --pseudonymise -o report.json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("save, info or export expected");
        }
        List<String> rest = withLongOutputOption(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "save" -> new SaveAction(out, err).run(rest);
                case "info" -> new InfoAction(out).run(rest);
                case "export" -> new ExportAction(out, err).run(rest);
                default -> throw new UsageException("unknown sub-command '" + args.get(0) + "': save, info or export expected");
            };
        } catch (WorkspaceException e) {
            err.println(NAME + ": " + e.getMessage());
            return FAILURE;
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return FAILURE;
        }
    }

    /** {@code -o X} is accepted as {@code --output X}: the shared option parser knows only long options. */
    static List<String> withLongOutputOption(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) {
            out.add(a.equals("-o") ? "--output" : a);
        }
        return out;
    }
}
