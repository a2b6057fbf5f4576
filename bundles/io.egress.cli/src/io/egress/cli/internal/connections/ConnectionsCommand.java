package io.egress.cli.internal.connections;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.egress.attribution.SocketTableService;
import io.egress.cli.internal.Command;
import io.egress.cli.internal.Messages;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.TextTable;
import io.egress.core.connections.ConnectionColumn;
import io.egress.core.connections.ConnectionFilter;
import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ConnectionsTracker;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.json.CsvWriter;
import io.egress.core.net.AddressFacts;
import io.egress.enrich.geo.GeoAddressFacts;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.core.json.JsonWriter;
import io.egress.core.socket.SocketSnapshot;

/** {@code egress connections}: this machine's sockets with their owning processes, like the connections view. */
public final class ConnectionsCommand implements Command {
    private final Supplier<SocketTableService> services;

    public ConnectionsCommand() {
        this(SocketTableService::new);
    }

    /** For tests: a service over a fixture /proc. */
    public ConnectionsCommand(Supplier<SocketTableService> services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String summary() {
        return Messages.get("connections.summary");
    }

    @Override
    public String help() {
        return Messages.get("connections.help") + "\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("format", "filter"), Set.of("hide-listening", "hide-loopback", "hide-private"));
        if (!o.positional().isEmpty()) {
            throw new io.egress.cli.internal.UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        String format = o.choice("format", "table", Set.of("json", "csv", "table"));
        ConnectionFilter filter = new ConnectionFilter(o.flag("hide-loopback"), o.flag("hide-private"),
                !o.flag("hide-listening"), o.value("filter", ""));
        SocketSnapshot snapshot;
        try (SocketTableService service = services.get()) {
            snapshot = service.snapshot();
        }
        ConnectionsView view = new ConnectionsTracker(Duration.ZERO).update(snapshot, Instant.now());
        List<ProcessGroup> groups = view.filtered(filter);
        switch (format) {
            case "json" -> new ConnectionsJson(out).write(groups);
            case "csv" -> csv(groups, out);
            default -> table(groups, out);
        }
        out.flush();
        for (String problem : snapshot.problems()) {
            err.println(Messages.get("connections.problem", problem));
        }
        long notVisible = ProcessGroup.ownersNotVisible(groups); // of the rows shown; TIME_WAIT has no owner to see
        if (notVisible > 0 && !"json".equals(format)) {
            boolean root = "root".equals(ProcessHandle.current().info().user().orElse(""));
            err.println(Messages.get("connections.unowned", notVisible,
                    Messages.get(root ? "connections.unowned.root" : "connections.unowned.user")));
        }
        return OK;
    }

    private static void table(List<ProcessGroup> groups, PrintStream out) {
        AddressFacts facts = remoteFacts(groups);
        TextTable t = new TextTable(Arrays.stream(ConnectionColumn.values()).map(ConnectionColumn::header).toList());
        for (ProcessGroup g : groups) {
            for (ConnectionRow r : g.rows()) {
                t.add(Arrays.stream(ConnectionColumn.values()).map(c -> c.text(g, r, facts)).toList());
            }
        }
        t.print(out);
    }

    private static void csv(List<ProcessGroup> groups, PrintStream out) {
        CsvWriter w = new CsvWriter(out);
        w.row(ConnectionsJson.FLAT_HEADER.toArray());
        for (ProcessGroup g : groups) {
            for (ConnectionRow r : g.rows()) {
                List<Object> f = ConnectionsJson.flatFields(g, r);
                w.row(f);
            }
        }
    }

    /**
     * Country and network of the remote addresses, from the GeoIP databases in the standard
     * geoipupdate folders and {@code egress.geoip.dirs} (the launcher's EGRESS_GEOIP_DIR); empty
     * columns when there are none.
     */
    private static AddressFacts remoteFacts(List<ProcessGroup> groups) {
        List<java.nio.file.Path> dirs = new java.util.ArrayList<>();
        for (String d : System.getProperty("egress.geoip.dirs", "").split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(java.nio.file.Path.of(d));
            }
        }
        Set<String> remotes = new java.util.LinkedHashSet<>();
        for (ProcessGroup g : groups) {
            for (ConnectionRow r : g.rows()) {
                if (r.connection().socket().hasRemote()) {
                    remotes.add(io.egress.core.net.IpAddresses.format(r.connection().socket().remoteAddress()));
                }
            }
        }
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.withStandardFolders(dirs))) {
            return GeoAddressFacts.lookUp(geo, remotes, io.egress.core.progress.Progress.NONE);
        }
    }

    /** Used by tests: the JSON of one snapshot. */
    public static String json(SocketSnapshot snapshot) {
        StringBuilder sb = new StringBuilder();
        ConnectionsView view = new ConnectionsTracker(Duration.ZERO).update(snapshot, Instant.now());
        new ConnectionsJson(new JsonWriter(sb, true)).write(view.groups());
        return sb.toString();
    }
}
