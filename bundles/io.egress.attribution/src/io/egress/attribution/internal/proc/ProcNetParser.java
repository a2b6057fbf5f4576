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
     * @throws ProcNetFormatException naming the column and the line when it is malformed
     */
    public SocketEntry parseLine(String line, Protocol protocol) {
        return parseLine("", 0, line, protocol);
    }

    /**
     * As {@link #parseLine(String, Protocol)}, with the table file and 1-based line number for the error.
     *
     * @throws ProcNetFormatException naming the file, line number, column and line when it is malformed
     */
    public SocketEntry parseLine(String file, int lineNumber, String line, Protocol protocol) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10) {
            throw new ProcNetFormatException(file, lineNumber, "columns", line, "too few columns (" + f.length + " of 10)", null);
        }
        Column c = new Column(file, lineNumber, line);
        byte[] local = c.address("local_address", f[1]);
        int localPort = c.port("local_address", f[1]);
        byte[] remote = c.address("rem_address", f[2]);
        int remotePort = c.port("rem_address", f[2]);
        int st = (int) c.number("st", f[3], 16);
        int uid = (int) c.number("uid", f[7], 10);
        long inode = c.unsigned("inode", f[9]);
        return SocketEntries.of(protocol, local, localPort, remote, remotePort, st, uid, inode);
    }

    /** Parses the columns of one line, naming the column that fails. */
    private final class Column {
        private final String file;
        private final int lineNumber;
        private final String line;

        Column(String file, int lineNumber, String line) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.line = line;
        }

        byte[] address(String column, String field) {
            int colon = field.indexOf(':');
            if (colon < 0) {
                throw fail(column, "no ':' between address and port in '" + field + "'", null);
            }
            try {
                return ProcNetParser.this.address(field.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw fail(column, e.getMessage(), e);
            }
        }

        int port(String column, String field) {
            long port = number(column, field.substring(field.indexOf(':') + 1), 16);
            if (port < 0 || port > 0xffff) {
                throw fail(column, "port " + port + " is not in 0..65535", null);
            }
            return (int) port;
        }

        long number(String column, String text, int radix) {
            try {
                return Long.parseLong(text, radix);
            } catch (NumberFormatException e) {
                throw fail(column, "not a " + (radix == 16 ? "hex " : "") + "number: '" + text + "'", e);
            }
        }

        long unsigned(String column, String text) {
            try {
                return Long.parseUnsignedLong(text);
            } catch (NumberFormatException e) {
                throw fail(column, "not an unsigned 64-bit number: '" + text + "'", e);
            }
        }

        private ProcNetFormatException fail(String column, String problem, Throwable cause) {
            return new ProcNetFormatException(file, lineNumber, column, line, problem, cause);
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
