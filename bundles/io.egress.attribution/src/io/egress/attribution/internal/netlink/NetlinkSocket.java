package io.egress.attribution.internal.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One NETLINK_SOCK_DIAG socket, in the network namespace of the thread that opened it. Not
 * thread-safe: callers serialise requests (a request and its answer must not interleave).
 */
public final class NetlinkSocket implements AutoCloseable {
    /** Enough for the kernel's largest dump datagram (it fills up to 32 KiB at a time). */
    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int RECEIVE_TIMEOUT_SECONDS = 5;

    private final LibC libc;
    private final int fd;
    private final Memory buffer = new Memory(RECEIVE_BUFFER);
    private final DiagResponseParser parser = new DiagResponseParser(ByteOrder.nativeOrder());
    private int sequence;
    private boolean closed;

    private NetlinkSocket(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /**
     * Opens a socket.
     *
     * @throws NetlinkException when libc cannot be loaded or the kernel refuses (not Linux, no sock_diag)
     */
    public static NetlinkSocket open() throws NetlinkException {
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            throw new NetlinkException("cannot load libc through JNA", e);
        }
        int fd;
        try {
            fd = libc.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            throw new NetlinkException("socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: errno " + e.getErrorCode(),
                    e.getErrorCode());
        }
        NetlinkSocket s = new NetlinkSocket(libc, fd);
        s.setReceiveTimeout();
        return s;
    }

    /** Every socket of one family and protocol. */
    public List<DiagRecord> dump(int family, int protocol) throws NetlinkException {
        int seq = ++sequence;
        send(DiagRequest.dump(family, protocol, DiagRequest.ALL_STATES, seq, ByteOrder.nativeOrder()));
        return receive(seq);
    }

    /** Every TCP socket of both families, in one walk of the kernel's tables. */
    public List<DiagRecord> dumpTcpBothFamilies() throws NetlinkException {
        int seq = ++sequence;
        send(DiagRequest.dumpTcpBothFamilies(DiagRequest.ALL_STATES, seq, ByteOrder.nativeOrder()));
        return receive(seq);
    }

    /**
     * The socket with exactly this tuple; empty when there is none (the kernel answers ENOENT).
     */
    public List<DiagRecord> exact(byte[] request, int seq) throws NetlinkException {
        send(request);
        try {
            return receive(seq);
        } catch (NetlinkException e) {
            if (e.errno() == 2) { // ENOENT: no socket with this tuple
                return List.of();
            }
            throw e;
        }
    }

    /** A fresh sequence number for {@link DiagRequest#exact}. */
    public int nextSequence() {
        return ++sequence;
    }

    /** Raw datagrams of one dump, for capturing test fixtures. */
    public List<byte[]> rawDump(byte[] request, int seq) throws NetlinkException {
        send(request);
        List<byte[]> datagrams = new ArrayList<>();
        while (true) {
            ByteBuffer d = receiveOne();
            byte[] copy = new byte[d.remaining()];
            d.duplicate().get(copy);
            datagrams.add(copy);
            if (parser.parse(d, seq, new ArrayList<>()) == DiagResponseParser.Status.DONE) {
                return datagrams;
            }
        }
    }

    private void send(byte[] request) throws NetlinkException {
        byte[] kernel = new byte[12]; // sockaddr_nl: family, pad, pid 0 (the kernel), groups 0
        ByteBuffer.wrap(kernel).order(ByteOrder.nativeOrder()).putShort((short) LibC.AF_NETLINK);
        try {
            libc.sendto(fd, request, new NativeLong(request.length), 0, kernel, kernel.length);
        } catch (LastErrorException e) {
            throw new NetlinkException("sendto on sock_diag failed: errno " + e.getErrorCode(), e.getErrorCode());
        }
    }

    private List<DiagRecord> receive(int seq) throws NetlinkException {
        List<DiagRecord> records = new ArrayList<>();
        while (parser.parse(receiveOne(), seq, records) == DiagResponseParser.Status.MORE) {
            // a dump spans several datagrams
        }
        return records;
    }

    private ByteBuffer receiveOne() throws NetlinkException {
        long n;
        try {
            n = libc.recv(fd, buffer, new NativeLong(RECEIVE_BUFFER), 0).longValue();
        } catch (LastErrorException e) {
            throw new NetlinkException("recv on sock_diag failed: errno " + e.getErrorCode(), e.getErrorCode());
        }
        if (n <= 0) {
            throw new NetlinkException("sock_diag socket closed by the kernel", 0);
        }
        return buffer.getByteBuffer(0, n).order(ByteOrder.nativeOrder());
    }

    private void setReceiveTimeout() throws NetlinkException {
        // a kernel that never answers must not hang a snapshot: struct timeval {long sec; long usec}
        byte[] timeval = new byte[2 * Native.LONG_SIZE];
        ByteBuffer t = ByteBuffer.wrap(timeval).order(ByteOrder.nativeOrder());
        if (Native.LONG_SIZE == 8) {
            t.putLong(RECEIVE_TIMEOUT_SECONDS);
        } else {
            t.putInt(RECEIVE_TIMEOUT_SECONDS);
        }
        try {
            libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, timeval.length);
        } catch (LastErrorException e) {
            close();
            throw new NetlinkException("setsockopt(SO_RCVTIMEO) failed: errno " + e.getErrorCode(), e.getErrorCode());
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                libc.close(fd);
                buffer.close();
            } catch (LastErrorException e) {
                System.getLogger(NetlinkSocket.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing the sock_diag socket failed", e);
            }
        }
    }
}
