package io.egress.workspace.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace schema and its history. Step {@code i} of {@link #steps()} turns a version-{@code i}
 * database into version {@code i + 1}; step 0 creates version 1. A new file runs them all; an older
 * file runs the ones it lacks (on a copy: see {@code WorkspaceFiles}). Never edit a released step,
 * append a new one.
 *
 * @param steps the migration steps, SQL statements each
 */
public record Schema(List<List<String>> steps) {
    /** SQLite {@code application_id} of Egress workspaces ("Egrs"): tells them from other SQLite files. */
    public static final int APPLICATION_ID = 0x45677273;

    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE schema_version(version INTEGER NOT NULL)",
            "INSERT INTO schema_version(version) VALUES (0)",
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE capture(idx INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,"
                    + " embedded INTEGER NOT NULL)",
            "CREATE TABLE capture_chunk(capture_idx INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,"
                    + " PRIMARY KEY(capture_idx, seq)) WITHOUT ROWID",
            "CREATE TABLE process(ord INTEGER PRIMARY KEY, pid INTEGER NOT NULL, start_millis INTEGER NOT NULL, name TEXT NOT NULL,"
                    + " exe_path TEXT NOT NULL, command_line TEXT NOT NULL, user_name TEXT NOT NULL, uid INTEGER NOT NULL,"
                    + " parent_pid INTEGER NOT NULL, executable TEXT NOT NULL, source TEXT NOT NULL)",
            "CREATE TABLE flow(id INTEGER PRIMARY KEY, ord INTEGER NOT NULL UNIQUE, capture_idx INTEGER NOT NULL,"
                    + " protocol INTEGER NOT NULL, key_a BLOB NOT NULL, key_port_a INTEGER NOT NULL, key_b BLOB NOT NULL,"
                    + " key_port_b INTEGER NOT NULL, outer_vlan INTEGER NOT NULL, inner_vlan INTEGER NOT NULL,"
                    + " initiator BLOB NOT NULL, initiator_port INTEGER NOT NULL, responder BLOB NOT NULL, responder_port INTEGER NOT NULL,"
                    + " fwd_packets INTEGER NOT NULL, fwd_bytes INTEGER NOT NULL, fwd_payload INTEGER NOT NULL,"
                    + " rev_packets INTEGER NOT NULL, rev_bytes INTEGER NOT NULL, rev_payload INTEGER NOT NULL,"
                    + " first_nanos INTEGER NOT NULL, last_nanos INTEGER NOT NULL, tcp_state TEXT NOT NULL,"
                    + " retransmissions INTEGER NOT NULL, icmp_errors INTEGER NOT NULL, community_id TEXT NOT NULL,"
                    + " ports_known INTEGER NOT NULL, process_pid INTEGER, process_start_millis INTEGER,"
                    + " attribution_method TEXT, attribution_confidence TEXT)",
            "CREATE TABLE flow_name(flow_id INTEGER NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL,"
                    + " time_nanos INTEGER NOT NULL, PRIMARY KEY(flow_id, seq)) WITHOUT ROWID",
            "CREATE TABLE enrichment(ord INTEGER PRIMARY KEY, address TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,"
                    + " time_millis INTEGER NOT NULL, json TEXT NOT NULL)",
            "CREATE INDEX enrichment_address ON enrichment(address)",
            "CREATE TABLE finding(ord INTEGER PRIMARY KEY, detector TEXT NOT NULL, severity TEXT NOT NULL, score INTEGER NOT NULL,"
                    + " title TEXT NOT NULL, explanation TEXT NOT NULL, technique TEXT NOT NULL, evidence_json TEXT NOT NULL)",
            "CREATE TABLE finding_flow(finding_ord INTEGER NOT NULL, seq INTEGER NOT NULL, flow_id INTEGER NOT NULL,"
                    + " PRIMARY KEY(finding_ord, seq)) WITHOUT ROWID",
            "CREATE TABLE note(ord INTEGER PRIMARY KEY, subject_kind TEXT NOT NULL, subject_key TEXT NOT NULL, text TEXT NOT NULL,"
                    + " updated_millis INTEGER NOT NULL, UNIQUE(subject_kind, subject_key))",
            "CREATE TABLE tag(ord INTEGER PRIMARY KEY, subject_kind TEXT NOT NULL, subject_key TEXT NOT NULL, tag TEXT NOT NULL)",
            "CREATE TABLE bookmark(ord INTEGER PRIMARY KEY, name TEXT NOT NULL, start_nanos INTEGER NOT NULL, end_nanos INTEGER NOT NULL)",
            "CREATE TABLE detector_setting(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE view_state(key TEXT PRIMARY KEY, value TEXT NOT NULL)");

    /** The schema this version of Egress writes. */
    public static final Schema CURRENT = new Schema(List.of(VERSION_1));

    public Schema {
        steps = List.copyOf(steps);
    }

    /** The version a file has after all steps. */
    public int version() {
        return steps.size();
    }

    /** Brings a database of version {@code from} to {@link #version()}, recording each step. */
    public void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from; v < steps.size(); v++) {
                for (String sql : steps.get(v)) {
                    s.execute(sql);
                }
                s.executeUpdate("UPDATE schema_version SET version = " + (v + 1));
            }
        }
    }
}
