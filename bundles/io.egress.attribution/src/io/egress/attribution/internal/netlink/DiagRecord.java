package io.egress.attribution.internal.netlink;

/**
 * One {@code struct inet_diag_msg} as the kernel sent it, before conversion to the model.
 *
 * @param family     AF_INET or AF_INET6
 * @param state      kernel state number (TCP states; UDP uses 1 connected, 7 unconnected)
 * @param localPort  source port
 * @param remotePort destination port
 * @param local      4 or 16 address bytes
 * @param remote     4 or 16 address bytes
 * @param uid        owning uid
 * @param inode      socket inode (the kernel field is 32 bits; socket inodes fit)
 */
public record DiagRecord(int family, int state, int localPort, int remotePort, byte[] local, byte[] remote, int uid,
        long inode) {
}
