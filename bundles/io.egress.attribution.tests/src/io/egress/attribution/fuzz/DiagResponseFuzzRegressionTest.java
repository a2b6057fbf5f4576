package io.egress.attribution.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import io.egress.attribution.internal.netlink.DiagResponseParser;
import io.egress.attribution.internal.netlink.NetlinkException;

/**
 * Inputs found by releng/fuzz/fuzz (target netlink), minimised and rebuilt here by code: each was a
 * RuntimeException from DiagResponseParser before it was fixed; now each is a NetlinkException.
 */
class DiagResponseFuzzRegressionTest {
    private static final int NLMSG_ERROR = 2;
    private static final int SEQUENCE = 1;

    private final DiagResponseParser parser = new DiagResponseParser(ByteOrder.LITTLE_ENDIAN);

    /** A netlink header, little-endian: length, type, flags, sequence, port id. */
    private static void header(ByteBuffer b, int length, int type, int sequence) {
        b.putInt(length).putShort((short) type).putShort((short) 0).putInt(sequence).putInt(0);
    }

    @Test
    void errorMessageWithoutErrnoIsMalformed() {
        // fuzz finding 10000000020000000001000000000000: NLMSG_ERROR of 16 bytes, errno read past the datagram
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 16, NLMSG_ERROR, SEQUENCE);
        NetlinkException e = assertThrows(NetlinkException.class, () -> parser.parse(b.flip(), SEQUENCE, new ArrayList<>()));
        assertEquals("nlmsgerr.error", e.field());
        assertEquals(0, e.offset());
        assertEquals("malformed sock_diag answer at offset 0: nlmsgerr.error: error message of 16 bytes has no error code",
                e.getMessage());
    }

    @Test
    void hugeLengthAfterTheFirstMessageIsMalformed() {
        // fuzz finding: a second message whose length makes offset + length overflow an int
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 16, 0x14, SEQUENCE + 1); // another request's message: skipped
        header(b, 0x7ffffff8, 0x14, SEQUENCE + 1);
        NetlinkException e = assertThrows(NetlinkException.class, () -> parser.parse(b.flip(), SEQUENCE, new ArrayList<>()));
        assertEquals("nlmsg_len", e.field());
        assertEquals(16, e.offset());
        assertTrue(e.getMessage().contains("length 2147483640 does not fit the 16 bytes left"), e.getMessage());
    }
}
