package io.egress.workspace.internal.store;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.core.progress.Progress;
import io.egress.workspace.Bookmark;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.ProcessAttribution;
import io.egress.workspace.Subject;
import io.egress.workspace.Tag;
import io.egress.workspace.WorkspaceContent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** Reads a current-schema database into a {@link WorkspaceContent}. */
final class ContentReader {
    private final Connection c;

    ContentReader(Connection c) {
        this.c = c;
    }

    WorkspaceContent read(Path origin, Progress progress) throws SQLException {
        WorkspaceContent.Builder b = WorkspaceContent.builder().origin(origin);
        captures().forEach(b::capture);
        b.flows(flows(progress));
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT pid, start_millis, name, exe_path, command_line, user_name, uid, parent_pid,"
                    + " executable, source FROM process ORDER BY ord")) {
                for (long row = 1; r.next(); row++) {
                    decode("process", row, () -> {
                        b.process(new ProcessInfo(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getInt(7), r.getLong(8), ExecutableState.valueOf(r.getString(9)), r.getString(10)));
                    });
                }
            }
            try (ResultSet r = s.executeQuery("SELECT address, kind, source, time_millis, json FROM enrichment ORDER BY ord")) {
                for (long row = 1; r.next(); row++) {
                    decode("enrichment", row, () -> {
                        b.enrichment(new EnrichmentAnswer(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5)));
                    });
                }
            }
            findings(s).forEach(b::finding);
            try (ResultSet r = s.executeQuery("SELECT subject_kind, subject_key, text, updated_millis FROM note ORDER BY ord")) {
                for (long row = 1; r.next(); row++) {
                    decode("note", row, () -> {
                        b.note(new Note(subject(r.getString(1), r.getString(2)), r.getString(3), r.getLong(4)));
                    });
                }
            }
            try (ResultSet r = s.executeQuery("SELECT subject_kind, subject_key, tag FROM tag ORDER BY ord")) {
                for (long row = 1; r.next(); row++) {
                    decode("tag", row, () -> {
                        b.tag(new Tag(subject(r.getString(1), r.getString(2)), r.getString(3)));
                    });
                }
            }
            try (ResultSet r = s.executeQuery("SELECT name, start_nanos, end_nanos FROM bookmark ORDER BY ord")) {
                for (long row = 1; r.next(); row++) {
                    decode("bookmark", row, () -> {
                        b.bookmark(new Bookmark(r.getString(1), r.getLong(2), r.getLong(3)));
                    });
                }
            }
            try (ResultSet r = s.executeQuery("SELECT key, value FROM detector_setting")) {
                for (long row = 1; r.next(); row++) {
                    decode("detector_setting", row, () -> {
                        b.detectorSetting(r.getString(1), r.getString(2));
                    });
                }
            }
            try (ResultSet r = s.executeQuery("SELECT key, value FROM view_state")) {
                for (long row = 1; r.next(); row++) {
                    decode("view_state", row, () -> {
                        b.viewState(r.getString(1), r.getString(2));
                    });
                }
            }
        }
        return b.build();
    }

    List<CaptureRef> captures() throws SQLException {
        List<CaptureRef> captures = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT path, size, sha256, embedded FROM capture ORDER BY idx")) {
            for (long row = 1; r.next(); row++) {
                decode("capture", row, () -> captures.add(new CaptureRef(Path.of(r.getString(1)), r.getLong(2), r.getString(3), r.getInt(4) != 0)));
            }
        }
        return captures;
    }

    long savedMillis() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'saved_millis'")) {
            if (!r.next()) {
                return 0;
            }
            String value = r.getString(1);
            try {
                return Long.parseLong(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                throw new DamagedRow("meta", "saved_millis", "'" + PrintableValue.of(value) + "' is not a number");
            }
        }
    }

    long count(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Flows of a live capture (capture index -1). */
    long liveFlows() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM flow WHERE capture_idx = -1")) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<FlowRecord> flows(Progress progress) throws SQLException {
        long total = count("flow");
        Map<Long, List<FlowName>> names = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT flow_id, name, source, time_nanos FROM flow_name ORDER BY flow_id, seq")) {
            for (long row = 1; r.next(); row++) {
                decode("flow_name", row, () -> names.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                        .add(new FlowName(r.getString(2), NameSource.valueOf(r.getString(3)), r.getLong(4))));
            }
        }
        List<FlowRecord> flows = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE));
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM flow ORDER BY ord")) {
            while (r.next()) {
                decode("flow", flows.size() + 1, () -> flows.add(flow(r, names.getOrDefault(r.getLong("id"), List.of()))));
                if (flows.size() % 4096 == 0) {
                    progress.worked(flows.size(), total);
                    if (progress.isCanceled()) {
                        throw new CancellationException("open cancelled");
                    }
                }
            }
        }
        progress.worked(total, total);
        return flows;
    }

    private static FlowRecord flow(ResultSet r, List<FlowName> names) throws SQLException {
        FlowKey key = FlowKey.of(r.getInt("protocol"), r.getBytes("key_a"), r.getInt("key_port_a"), r.getBytes("key_b"),
                r.getInt("key_port_b"), r.getInt("outer_vlan"), r.getInt("inner_vlan"));
        Flow flow = new Flow(key, r.getBytes("initiator"), r.getInt("initiator_port"), r.getBytes("responder"), r.getInt("responder_port"),
                new DirectionStats(r.getLong("fwd_packets"), r.getLong("fwd_bytes"), r.getLong("fwd_payload")),
                new DirectionStats(r.getLong("rev_packets"), r.getLong("rev_bytes"), r.getLong("rev_payload")),
                r.getLong("first_nanos"), r.getLong("last_nanos"), TcpState.valueOf(r.getString("tcp_state")),
                r.getLong("retransmissions"), r.getLong("icmp_errors"), r.getString("community_id"), names, r.getInt("ports_known") != 0);
        long pid = r.getLong("process_pid");
        Optional<ProcessAttribution> attribution = Optional.empty();
        if (!r.wasNull()) {
            attribution = Optional.of(new ProcessAttribution(new ProcessKey(pid, r.getLong("process_start_millis")),
                    r.getString("attribution_method"), r.getString("attribution_confidence")));
        }
        return new FlowRecord(r.getLong("id"), r.getInt("capture_idx"), flow, attribution);
    }

    private static List<FindingRecord> findings(Statement s) throws SQLException {
        Map<Integer, List<Long>> flows = new HashMap<>();
        try (ResultSet r = s.executeQuery("SELECT finding_ord, flow_id FROM finding_flow ORDER BY finding_ord, seq")) {
            while (r.next()) {
                flows.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(r.getLong(2)); // numbers only: nothing to decode
            }
        }
        List<FindingRecord> findings = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT ord, detector, severity, score, title, explanation, technique, evidence_json"
                + " FROM finding ORDER BY ord")) {
            for (long row = 1; r.next(); row++) {
                decode("finding", row, () -> findings.add(new FindingRecord(r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                        r.getString(6), r.getString(7), flows.getOrDefault(r.getInt(1), List.of()), r.getString(8))));
            }
        }
        return findings;
    }

    /** One row's values turned into objects; what a damaged value makes the constructors throw becomes a {@link DamagedRow}. */
    private interface RowDecoder {
        void decode() throws SQLException;
    }

    private static void decode(String table, long row, RowDecoder decoder) throws SQLException {
        try {
            decoder.decode();
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DamagedRow(table, row, e);
        }
    }

    /**
     * A row of a workspace table whose values cannot be turned into objects (a damaged or hand-edited
     * file): names the table and the row (1-based, in the order the reader reads them) or the key.
     */
    static final class DamagedRow extends SQLException {
        private static final long serialVersionUID = 1L;

        DamagedRow(String table, long row, RuntimeException cause) {
            super("damaged row " + row + " of table " + table + ": " + PrintableValue.of(String.valueOf(cause.getMessage())), cause);
        }

        DamagedRow(String table, String key, String problem) {
            super("damaged value " + key + " of table " + table + ": " + problem);
        }
    }

    /** At most 80 characters of a stored value, control characters replaced, for messages. */
    static final class PrintableValue {
        private PrintableValue() {
        }

        static String of(String value) {
            if (value == null) {
                return "NULL";
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.length() && out.length() < 80; i++) {
                char ch = value.charAt(i);
                out.append(Character.isISOControl(ch) ? '?' : ch);
            }
            return value.length() > 80 ? out + "..." : out.toString();
        }
    }

    private static Subject subject(String kind, String key) {
        return new Subject(Subject.Kind.valueOf(kind), key);
    }
}
