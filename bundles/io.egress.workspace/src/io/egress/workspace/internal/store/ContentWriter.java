package io.egress.workspace.internal.store;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.process.ProcessInfo;
import io.egress.workspace.Bookmark;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.ProcessAttribution;
import io.egress.workspace.Tag;
import io.egress.workspace.WorkspaceContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Writes a {@link WorkspaceContent} (all but embedded packets) into an empty, current-schema database. */
final class ContentWriter {
    private static final int BATCH = 2_000;
    /** Named, so that a later schema step may add columns with defaults. */
    private static final String FLOW_COLUMNS = "id, ord, capture_idx, protocol, key_a, key_port_a, key_b, key_port_b, outer_vlan, inner_vlan,"
            + " initiator, initiator_port, responder, responder_port, fwd_packets, fwd_bytes, fwd_payload, rev_packets, rev_bytes,"
            + " rev_payload, first_nanos, last_nanos, tcp_state, retransmissions, icmp_errors, community_id, ports_known, process_pid,"
            + " process_start_millis, attribution_method, attribution_confidence";

    private final Connection c;
    private final SaveProgress progress;

    ContentWriter(Connection c, SaveProgress progress) {
        this.c = c;
        this.progress = progress;
    }

    void write(WorkspaceContent content, long savedMillis) throws SQLException {
        meta(savedMillis);
        captures(content);
        flows(content);
        processes(content);
        enrichment(content);
        findings(content);
        notes(content);
        tags(content);
        bookmarks(content);
        keyValues("detector_setting", content.detectorSettings());
        keyValues("view_state", content.viewState());
    }

    private void meta(long savedMillis) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)")) {
            p.setString(1, "application");
            p.setString(2, "Egress");
            p.addBatch();
            p.setString(1, "saved_millis");
            p.setString(2, Long.toString(savedMillis));
            p.addBatch();
            p.executeBatch();
        }
    }

    private void captures(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO capture(idx, path, size, sha256, embedded) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < content.captures().size(); i++) {
                var capture = content.captures().get(i);
                p.setInt(1, i);
                p.setString(2, capture.path().toString());
                p.setLong(3, capture.size());
                p.setString(4, capture.sha256());
                p.setInt(5, capture.embedded() ? 1 : 0);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void flows(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO flow(" + FLOW_COLUMNS + ") VALUES (" + "?,".repeat(30) + "?)");
                PreparedStatement names = c.prepareStatement("INSERT INTO flow_name(flow_id, seq, name, source, time_nanos) VALUES (?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (FlowRecord record : content.flows()) {
                bindFlow(p, record, ord++);
                p.addBatch();
                int seq = 0;
                for (FlowName name : record.flow().names()) {
                    names.setLong(1, record.id());
                    names.setInt(2, seq++);
                    names.setString(3, name.name());
                    names.setString(4, name.source().name());
                    names.setLong(5, name.timeNanos());
                    names.addBatch();
                }
                if (ord % BATCH == 0) {
                    p.executeBatch();
                    names.executeBatch();
                    progress.rows(BATCH);
                }
            }
            p.executeBatch();
            names.executeBatch();
            progress.rows(ord % BATCH);
        }
    }

    private static void bindFlow(PreparedStatement p, FlowRecord record, int ord) throws SQLException {
        Flow f = record.flow();
        FlowKey k = f.key();
        int i = 1;
        p.setLong(i++, record.id());
        p.setInt(i++, ord);
        p.setInt(i++, record.capture());
        p.setInt(i++, k.protocol());
        p.setBytes(i++, k.addressA());
        p.setInt(i++, k.portA());
        p.setBytes(i++, k.addressB());
        p.setInt(i++, k.portB());
        p.setInt(i++, k.outerVlan());
        p.setInt(i++, k.innerVlan());
        p.setBytes(i++, f.initiator());
        p.setInt(i++, f.initiatorPort());
        p.setBytes(i++, f.responder());
        p.setInt(i++, f.responderPort());
        p.setLong(i++, f.forward().packets());
        p.setLong(i++, f.forward().bytes());
        p.setLong(i++, f.forward().payloadBytes());
        p.setLong(i++, f.reverse().packets());
        p.setLong(i++, f.reverse().bytes());
        p.setLong(i++, f.reverse().payloadBytes());
        p.setLong(i++, f.firstNanos());
        p.setLong(i++, f.lastNanos());
        p.setString(i++, f.tcpState().name());
        p.setLong(i++, f.retransmissions());
        p.setLong(i++, f.icmpErrors());
        p.setString(i++, f.communityId());
        p.setInt(i++, f.portsKnown() ? 1 : 0);
        ProcessAttribution a = record.attribution().orElse(null);
        if (a == null) {
            for (int j = 0; j < 4; j++) {
                p.setNull(i++, j < 2 ? Types.INTEGER : Types.VARCHAR);
            }
        } else {
            p.setLong(i++, a.process().pid());
            p.setLong(i++, a.process().startTimeMillis());
            p.setString(i++, a.method());
            p.setString(i++, a.confidence());
        }
    }

    private void processes(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO process(ord, pid, start_millis, name, exe_path, command_line, user_name, uid, parent_pid,"
                + " executable, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (ProcessInfo info : content.processes()) {
                p.setInt(1, ord++);
                p.setLong(2, info.pid());
                p.setLong(3, info.startTimeMillis());
                p.setString(4, info.name());
                p.setString(5, info.exePath());
                p.setString(6, info.commandLine());
                p.setString(7, info.user());
                p.setInt(8, info.uid());
                p.setLong(9, info.parentPid());
                p.setString(10, info.executable().name());
                p.setString(11, info.source());
                p.addBatch();
            }
            p.executeBatch();
            progress.rows(ord);
        }
    }

    private void enrichment(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO enrichment(ord, address, kind, source, time_millis, json) VALUES (?, ?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (EnrichmentAnswer a : content.enrichment()) {
                p.setInt(1, ord++);
                p.setString(2, a.address());
                p.setString(3, a.kind());
                p.setString(4, a.source());
                p.setLong(5, a.timeMillis());
                p.setString(6, a.json());
                p.addBatch();
            }
            p.executeBatch();
            progress.rows(ord);
        }
    }

    private void findings(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO finding(ord, detector, severity, score, title, explanation, technique,"
                + " evidence_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement flows = c.prepareStatement("INSERT INTO finding_flow(finding_ord, seq, flow_id) VALUES (?, ?, ?)")) {
            int ord = 0;
            for (FindingRecord f : content.findings()) {
                p.setInt(1, ord);
                p.setString(2, f.detector());
                p.setString(3, f.severity());
                p.setInt(4, f.score());
                p.setString(5, f.title());
                p.setString(6, f.explanation());
                p.setString(7, f.technique());
                p.setString(8, f.evidenceJson());
                p.addBatch();
                int seq = 0;
                for (long flow : f.flows()) {
                    flows.setInt(1, ord);
                    flows.setInt(2, seq++);
                    flows.setLong(3, flow);
                    flows.addBatch();
                }
                ord++;
            }
            p.executeBatch();
            flows.executeBatch();
            progress.rows(ord);
        }
    }

    private void notes(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO note(ord, subject_kind, subject_key, text, updated_millis) VALUES (?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (Note n : content.notes()) {
                p.setInt(1, ord++);
                p.setString(2, n.subject().kind().name());
                p.setString(3, n.subject().key());
                p.setString(4, n.text());
                p.setLong(5, n.updatedMillis());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void tags(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO tag(ord, subject_kind, subject_key, tag) VALUES (?, ?, ?, ?)")) {
            int ord = 0;
            for (Tag t : content.tags()) {
                p.setInt(1, ord++);
                p.setString(2, t.subject().kind().name());
                p.setString(3, t.subject().key());
                p.setString(4, t.tag());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void bookmarks(WorkspaceContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bookmark(ord, name, start_nanos, end_nanos) VALUES (?, ?, ?, ?)")) {
            int ord = 0;
            for (Bookmark b : content.bookmarks()) {
                p.setInt(1, ord++);
                p.setString(2, b.name());
                p.setLong(3, b.startNanos());
                p.setLong(4, b.endNanos());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void keyValues(String table, Map<String, String> values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + "(key, value) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
        if (progress.isCanceled()) {
            throw new CancellationException();
        }
    }
}
