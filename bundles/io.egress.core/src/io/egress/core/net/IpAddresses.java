package io.egress.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parsing and canonical formatting of IP address literals, without any name lookup. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal (optionally in brackets, with an embedded
     * IPv4 tail) to 4 or 16 bytes. Never touches DNS.
     *
     * @throws IllegalArgumentException naming the text when it is not a literal
     */
    public static byte[] parseLiteral(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int pct = s.indexOf('%');
        if (pct >= 0) {
            s = s.substring(0, pct);
        }
        byte[] v4 = parseV4(s);
        if (v4 != null) {
            return v4;
        }
        if (s.indexOf(':') >= 0) {
            byte[] v6 = parseV6(s);
            if (v6 != null) {
                return v6;
            }
        }
        throw new IllegalArgumentException("not an IP address: '" + text + "'");
    }

    /** Parses a literal to an {@link InetAddress} without DNS; IPv4-mapped IPv6 stays 16 bytes only if asked. */
    public static InetAddress parse(String text) {
        return toInet(parseLiteral(text));
    }

    public static InetAddress toInet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, got " + raw.length, e);
        }
    }

    /** Reduces {@code ::ffff:a.b.c.d} to the IPv4 address; others unchanged. */
    public static byte[] unmapV4(byte[] raw) {
        if (raw.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (raw[i] != 0) {
                    return raw;
                }
            }
            if ((raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff) {
                return new byte[] {raw[12], raw[13], raw[14], raw[15]};
            }
        }
        return raw;
    }

    public static String format(InetAddress address) {
        return format(address.getAddress());
    }

    /** IPv4 dotted quad, IPv6 in RFC 5952 canonical form (longest zero run compressed, lower case). */
    public static String format(byte[] raw) {
        if (raw.length == 4) {
            return (raw[0] & 0xff) + "." + (raw[1] & 0xff) + "." + (raw[2] & 0xff) + "." + (raw[3] & 0xff);
        }
        if (raw.length != 16) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, got " + raw.length);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        boolean mapped = bestStart == 0 && bestLen == 5 && words[5] == 0xffff;
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (mapped && i == 6) {
                sb.append(':').append((raw[12] & 0xff) + "." + (raw[13] & 0xff) + "." + (raw[14] & 0xff) + "." + (raw[15] & 0xff));
                break;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }

    /** Formats an endpoint: {@code 1.2.3.4:80} or {@code [2001:db8::1]:443}. */
    public static String formatEndpoint(byte[] raw, int port) {
        String a = format(raw);
        return raw.length == 16 ? "[" + a + "]:" + port : a + ":" + port;
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        byte[] tail = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) > 0) {
            tail = parseV4(s.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String[] head;
        String[] rest;
        if (dbl >= 0) {
            String h = s.substring(0, dbl);
            String t = s.substring(dbl + 2);
            head = h.isEmpty() ? new String[0] : h.split(":", -1);
            rest = t.isEmpty() ? new String[0] : t.split(":", -1);
            if (head.length + rest.length > 7) {
                return null;
            }
        } else {
            head = s.split(":", -1);
            rest = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        int[] words = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer w = word(head[i]);
            if (w == null) {
                return null;
            }
            words[i] = w;
        }
        for (int i = 0; i < rest.length; i++) {
            Integer w = word(rest[i]);
            if (w == null) {
                return null;
            }
            words[8 - rest.length + i] = w;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, out, 12, 4);
        }
        return out;
    }

    private static Integer word(String p) {
        if (p.isEmpty() || p.length() > 4) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            int d = Character.digit(p.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
