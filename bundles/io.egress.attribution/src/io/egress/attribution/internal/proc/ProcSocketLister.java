package io.egress.attribution.internal.proc;

import io.egress.attribution.internal.SocketListing;
import io.egress.attribution.internal.SocketLister;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists sockets from {@code net/tcp}, {@code net/tcp6}, {@code net/udp}, {@code net/udp6} under a proc root. */
public final class ProcSocketLister implements SocketLister {
    private static final System.Logger LOG = System.getLogger(ProcSocketLister.class.getName());

    private record Table(String file, Protocol protocol) {
    }

    private static final List<Table> TABLES = List.of(new Table("net/tcp", Protocol.TCP),
            new Table("net/tcp6", Protocol.TCP), new Table("net/udp", Protocol.UDP), new Table("net/udp6", Protocol.UDP));

    private final ProcFs fs;
    private final String netDir;
    private final ProcNetParser parser = new ProcNetParser(ByteOrder.nativeOrder());

    /** Lists the tables of the reading process's own network namespace ({@code <root>/net}). */
    public ProcSocketLister(ProcFs fs) {
        this(fs, "");
    }

    /**
     * Lists the tables as seen by one process ({@code <root>/<pid>/net}), i.e. of its network
     * namespace; {@code pidPrefix} is {@code "<pid>/"} or empty.
     */
    public ProcSocketLister(ProcFs fs, String pidPrefix) {
        this.fs = fs;
        this.netDir = pidPrefix;
    }

    @Override
    public String id() {
        return "proc";
    }

    @Override
    public boolean reportsOwners() {
        return false;
    }

    @Override
    public SocketListing list() {
        List<SocketEntry> sockets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int tablesRead = 0;
        IOException last = null;
        for (Table t : TABLES) {
            String text;
            try {
                text = new String(fs.read(netDir + t.file()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                // IPv6 may be disabled (no tcp6/udp6): note it, continue with the other tables
                last = e;
                problems.add("cannot read " + fs.root().resolve(netDir + t.file()) + ": " + e);
                continue;
            }
            tablesRead++;
            parseTable(fs.root().resolve(netDir + t.file()).toString(), text, t.protocol(), sockets, problems);
        }
        if (tablesRead == 0) {
            throw new UncheckedIOException("no socket table readable under " + fs.root().resolve(netDir + "net"), last);
        }
        return new SocketListing(sockets, problems);
    }

    private void parseTable(String file, String text, Protocol protocol, List<SocketEntry> into, List<String> problems) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the column header
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                into.add(parser.parseLine(file, i + 1, line, protocol));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.DEBUG, "skipping socket table line", e);
                problems.add(e.getMessage());
            }
        }
    }
}
