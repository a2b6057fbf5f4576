package io.egress.attribution.internal.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Parses the datagrams the kernel answers a sock_diag request with: a sequence of netlink
 * messages, each {@code inet_diag_msg} plus attributes (skipped), ended by NLMSG_DONE for a dump,
 * or NLMSG_ERROR (error 0 is a plain acknowledgement; a negative errno is a failure).
 */
public final class DiagResponseParser {
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    private static final int DIAG_MSG = 72;

    private final ByteOrder hostOrder;

    public DiagResponseParser(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /** What one datagram said. */
    public enum Status {
        /** More datagrams follow (a dump in progress). */
        MORE,
        /** The answer is complete. */
        DONE
    }

    /**
     * Appends the sockets in one received datagram to {@code into}.
     *
     * @param sequence only messages answering this request are taken
     * @throws NetlinkException when the kernel reports an error, or the bytes are malformed
     */
    public Status parse(ByteBuffer datagram, int sequence, List<DiagRecord> into) throws NetlinkException {
        ByteBuffer b = datagram.duplicate().order(hostOrder);
        while (b.remaining() >= DiagRequest.NLMSG_HEADER) {
            int start = b.position();
            int length = b.getInt();
            int type = b.getShort() & 0xffff;
            b.getShort(); // flags
            int seq = b.getInt();
            b.getInt(); // port id
            if (length < DiagRequest.NLMSG_HEADER || length > b.limit() - start) { // no int overflow for huge lengths
                throw new NetlinkException("nlmsg_len", start, "length " + length + " does not fit the " + (b.limit() - start)
                        + " bytes left");
            }
            if (seq == sequence) {
                if (type == NLMSG_DONE) {
                    return Status.DONE;
                }
                if (type == NLMSG_ERROR) {
                    if (length - DiagRequest.NLMSG_HEADER < 4) {
                        throw new NetlinkException("nlmsgerr.error", start, "error message of " + length + " bytes has no error code");
                    }
                    int errno = -b.getInt();
                    if (errno == 0) {
                        return Status.DONE;
                    }
                    throw new NetlinkException("sock_diag request failed: errno " + errno, errno);
                }
                if (type == DiagRequest.SOCK_DIAG_BY_FAMILY || type == DiagRequest.TCPDIAG_GETSOCK) {
                    if (length - DiagRequest.NLMSG_HEADER < DIAG_MSG) {
                        throw new NetlinkException("inet_diag_msg", start, "message of " + length + " bytes is shorter than "
                                + (DiagRequest.NLMSG_HEADER + DIAG_MSG));
                    }
                    into.add(record(b));
                }
            }
            // messages are padded to 4 bytes
            b.position(Math.min(b.limit(), start + ((length + 3) & ~3)));
        }
        return Status.MORE;
    }

    private DiagRecord record(ByteBuffer b) {
        int family = b.get() & 0xff;
        int state = b.get() & 0xff;
        b.get(); // timer
        b.get(); // retransmits
        b.order(ByteOrder.BIG_ENDIAN);
        int localPort = b.getShort() & 0xffff;
        int remotePort = b.getShort() & 0xffff;
        int length = family == DiagRequest.AF_INET ? 4 : 16;
        byte[] local = new byte[length];
        byte[] remote = new byte[length];
        int at = b.position();
        b.get(local);
        b.position(at + 16);
        b.get(remote);
        b.position(at + 32);
        b.order(hostOrder);
        b.getInt(); // interface
        b.getInt(); // cookie
        b.getInt();
        b.getInt(); // expires
        b.getInt(); // receive queue
        b.getInt(); // send queue
        int uid = b.getInt();
        long inode = b.getInt() & 0xffffffffL;
        return new DiagRecord(family, state, localPort, remotePort, local, remote, uid, inode);
    }
}
