package io.egress.attribution.internal.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The libc calls a netlink socket needs. size_t and ssize_t are C longs on Linux. */
interface LibC extends Library {
    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int NETLINK_SOCK_DIAG = 4;
    int SOL_SOCKET = 1;
    int SO_RCVTIMEO = 20;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

    int setsockopt(int fd, int level, int option, byte[] value, int length) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
