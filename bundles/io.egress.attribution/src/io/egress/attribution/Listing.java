package io.egress.attribution;

/** Which source lists the sockets. */
public enum Listing {
    /** The fastest available: netlink sock_diag on Linux, else /proc, else OSHI. */
    AUTO,
    /** {@code /proc/net/{tcp,tcp6,udp,udp6}} (Linux). */
    PROC,
    /** Netlink NETLINK_SOCK_DIAG (Linux, through JNA). */
    NETLINK,
    /** OSHI's portable connection list (any OS OSHI supports). */
    OSHI
}
