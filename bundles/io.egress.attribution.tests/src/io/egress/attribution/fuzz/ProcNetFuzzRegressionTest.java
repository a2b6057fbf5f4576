package io.egress.attribution.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import io.egress.attribution.internal.proc.ProcNetFormatException;
import io.egress.attribution.internal.proc.ProcNetParser;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;

/**
 * The fuzz target procnet (releng/fuzz/fuzz): lines of /proc/net/{tcp,udp}[6] with the fields its
 * mutator aims at (-1, huge numbers, missing colons, addresses of the wrong length, signs, tabs).
 * Each must parse or be refused with the documented {@link ProcNetFormatException} naming the
 * file, line number, column and line. No input of this target crashed or hung in the fuzz runs recorded in the README.
 */
class ProcNetFuzzRegressionTest {
    private static final String GOOD = "   0: 0100007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 3000000000 1"
            + " 0000000000000000 100 0 0 10 0";

    private final ProcNetParser parser = new ProcNetParser(ByteOrder.LITTLE_ENDIAN);

    private void refused(String line, String column) {
        ProcNetFormatException e = assertThrows(ProcNetFormatException.class,
                () -> parser.parseLine("/proc/net/tcp", 7, line, Protocol.TCP), line);
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(line, e.line());
        assertEquals("/proc/net/tcp", e.file());
        assertEquals(7, e.lineNumber());
        assertTrue(e.getMessage().startsWith("/proc/net/tcp: line 7: column " + column + ": "), e.getMessage());
    }

    @Test
    void theSeedLineParses() {
        SocketEntry e = parser.parseLine(GOOD, Protocol.TCP);
        assertEquals(53, e.localPort());
        assertEquals(3_000_000_000L, e.inode());
    }

    @Test
    void damagedFieldsAreRefusedWithTheLine() {
        refused("", "columns");
        refused("   0: 0100007F:0035", "columns");
        refused(GOOD.replace("0100007F:0035", "0100007F0035"), "local_address"); // no colon
        refused(GOOD.replace("0100007F:0035", "0100007:0035"), "local_address"); // 7 hex digits
        refused(GOOD.replace("0100007F:0035", "0100007F:"), "local_address"); // no port
        refused(GOOD.replace("0100007F:0035", "0100007F:-1"), "local_address");
        refused(GOOD.replace("0100007F:0035", "0100007F:FFFFFFFFF"), "local_address");
        refused(GOOD.replace("0100007F:0035", "0100007F:1FFFF"), "local_address"); // port over 65535
        refused(GOOD.replace(" 0A ", " ZZ "), "st");
        refused(GOOD.replace("3000000000", "18446744073709551616"), "inode"); // inode over 2^64 - 1
        refused(GOOD.replace("3000000000", "-1"), "inode");
        refused(GOOD.replace("   101 ", "   99999999999999999999 "), "uid");
        refused(GOOD.replace("0100007F:0035", "0000000000000000FFFF00000100007:0035"), "local_address");
    }

    @Test
    void oddButValidNumbersParse() {
        parser.parseLine(GOOD.replace("3000000000", "18446744073709551615"), Protocol.TCP); // the largest inode
        parser.parseLine(GOOD.replace("   101 ", "   -1 "), Protocol.UDP); // uid -1 is nobody's
        parser.parseLine(GOOD.replace(' ', '\t'), Protocol.TCP);
        SocketEntry mapped = parser.parseLine(GOOD.replace("0100007F:0035", "0000000000000000FFFF00000100007F:0035"), Protocol.TCP);
        assertEquals(53, mapped.localPort());
    }
}
