package io.egress.core.net;

import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation. Immutable. */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code a.b.c.d/n} or {@code v6::/n}; a bare address is a host route.
     *
     * @throws IllegalArgumentException naming the text when it is not a CIDR
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpAddresses.parseLiteral(addr.trim());
        int max = bytes.length * 8;
        int len;
        if (slash < 0) {
            len = max;
        } else {
            try {
                len = Integer.parseInt(text.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length in CIDR '" + text + "'", e);
            }
        }
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("prefix length out of range 0.." + max + " in CIDR '" + text + "'");
        }
        return new Cidr(mask(bytes, len), len);
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    /** Whether the raw address (4 or 16 bytes) lies inside; another family never does. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xff << (8 - rest)) & 0xff;
        return (address[full] & m) == (network[full] & m);
    }

    private static byte[] mask(byte[] bytes, int len) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, len - i * 8));
            out[i] = (byte) (out[i] & ((0xff << (8 - bits)) & 0xff));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return IpAddresses.format(network) + "/" + prefixLength;
    }
}
