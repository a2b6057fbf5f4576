package io.egress.attribution.internal.proc;

import io.egress.attribution.internal.SocketEntries;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import java.nio.ByteOrder;

/**
 * Parses lines of {@code /proc/net/{tcp,tcp6,udp,udp6}}.
 *
 * <p>Addresses are hex dumps of 32-bit words in the kernel's (host) byte order, so on x86 each
 * word's bytes are reversed; ports are plain hex numbers. Columns: {@code sl local rem st
 * tx:rx tr:when retrnsmt uid timeout inode ...}.
 */
public final class ProcNetParser {
    private final ByteOrder hostOrder;

    /** A parser for tables written by a kernel with the given byte order (normally {@link ByteOrder#nativeOrder()}). */
    public ProcNetParser(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /**
     * Parses one data line (not the header).
     *
     * @throws IllegalArgumentException naming the line when it is malformed
     */
    public SocketEntry parseLine(String line, Protocol protocol) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10) {
            throw new IllegalArgumentException("too few columns in socket table line: '" + line + "'");
        }
        try {
            int localColon = f[1].indexOf(':');
            int remoteColon = f[2].indexOf(':');
            byte[] local = address(f[1].substring(0, localColon));
            int localPort = Integer.parseInt(f[1].substring(localColon + 1), 16);
            byte[] remote = address(f[2].substring(0, remoteColon));
            int remotePort = Integer.parseInt(f[2].substring(remoteColon + 1), 16);
            int st = Integer.parseInt(f[3], 16);
            int uid = (int) Long.parseLong(f[7]);
            long inode = Long.parseUnsignedLong(f[9]);

            return SocketEntries.of(protocol, local, localPort, remote, remotePort, st, uid, inode);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed socket table line: '" + line + "'", e);
        }
    }

    /** Decodes the kernel's hex dump of 1 or 4 host-order 32-bit words. */
    byte[] address(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("address must be 8 or 32 hex digits: " + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int word = 0; word < out.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int digits = word * 8 + i * 2;
                byte b = (byte) Integer.parseInt(hex.substring(digits, digits + 2), 16);
                int target = hostOrder == ByteOrder.LITTLE_ENDIAN ? word * 4 + (3 - i) : word * 4 + i;
                out[target] = b;
            }
        }
        return out;
    }
}
