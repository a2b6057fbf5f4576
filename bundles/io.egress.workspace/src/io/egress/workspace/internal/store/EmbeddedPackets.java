package io.egress.workspace.internal.store;

import io.egress.workspace.CaptureRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Capture files stored inside a workspace, in 1 MiB chunks so that neither saving nor reading ever
 * holds a whole capture in memory.
 */
final class EmbeddedPackets {
    static final int CHUNK = 1 << 20;

    private EmbeddedPackets() {
    }

    /** Copies the capture file into the database, checking that it still is the file that was added. */
    static void fromFile(Connection c, int index, CaptureRef capture, SaveProgress progress) throws IOException, SQLException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = Files.newInputStream(capture.path());
                PreparedStatement p = c.prepareStatement("INSERT INTO capture_chunk(capture_idx, seq, data) VALUES (?, ?, ?)")) {
            byte[] chunk = new byte[CHUNK];
            int seq = 0;
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0;) {
                digest.update(chunk, 0, n);
                p.setInt(1, index);
                p.setInt(2, seq++);
                p.setBytes(3, n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                p.executeUpdate();
                progress.bytes(n);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(capture.sha256())) {
            throw new IOException(capture.path() + " changed since it was added to the workspace (SHA-256 " + actual
                    + ", expected " + capture.sha256() + ")");
        }
    }

    /** Copies the chunks of the capture with this SHA-256 from another workspace; false when it has none. */
    static boolean fromWorkspace(Connection target, int index, Connection source, String sha256, SaveProgress progress) throws SQLException {
        Integer sourceIndex = embeddedIndex(source, sha256);
        if (sourceIndex == null) {
            return false;
        }
        try (PreparedStatement read = source.prepareStatement("SELECT seq, data FROM capture_chunk WHERE capture_idx = ? ORDER BY seq");
                PreparedStatement write = target.prepareStatement("INSERT INTO capture_chunk(capture_idx, seq, data) VALUES (?, ?, ?)")) {
            read.setInt(1, sourceIndex);
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    byte[] data = r.getBytes(2);
                    write.setInt(1, index);
                    write.setInt(2, r.getInt(1));
                    write.setBytes(3, data);
                    write.executeUpdate();
                    progress.bytes(data.length);
                }
            }
        }
        return true;
    }

    /** Index of an embedded capture with this SHA-256, or null. */
    static Integer embeddedIndex(Connection c, String sha256) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT idx FROM capture WHERE sha256 = ? AND embedded = 1 AND EXISTS (SELECT 1 FROM capture_chunk WHERE capture_idx = idx)")) {
            p.setString(1, sha256);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : null;
            }
        }
    }

    /**
     * Writes the embedded packets of capture {@code index} to {@code out}; false when none are
     * embedded. The bytes are checked against the capture's recorded SHA-256 as they go: packets
     * changed inside the file (SQLite's integrity check cannot see that) are refused.
     *
     * @throws IOException naming both hashes when the stored packets are not the capture's any more
     */
    static boolean copyTo(Connection c, int index, OutputStream out) throws SQLException, IOException {
        String recorded;
        try (PreparedStatement p = c.prepareStatement("SELECT sha256 FROM capture WHERE idx = ?")) {
            p.setInt(1, index);
            try (ResultSet r = p.executeQuery()) {
                recorded = r.next() ? r.getString(1) : null;
            }
        }
        MessageDigest digest = Sha256.digest();
        boolean any = false;
        try (PreparedStatement p = c.prepareStatement("SELECT data FROM capture_chunk WHERE capture_idx = ? ORDER BY seq")) {
            p.setInt(1, index);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byte[] data = r.getBytes(1);
                    digest.update(data);
                    out.write(data);
                    any = true;
                }
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (any && recorded != null && !actual.equals(recorded)) {
            throw new IOException("the packets embedded for capture " + index + " are damaged: their SHA-256 is " + actual
                    + ", the capture's is " + recorded);
        }
        return any;
    }
}
