package io.egress.enrich.internal.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds PTR queries and parses their answers (RFC 1035). Only what reverse DNS needs: one question,
 * PTR and CNAME records (RFC 2317 classless delegation answers PTR through a CNAME), name
 * compression with a bound on pointer jumps.
 */
public final class DnsMessages {
    public static final int TYPE_PTR = 12;
    public static final int TYPE_CNAME = 5;
    private static final int CLASS_IN = 1;
    private static final int MAX_JUMPS = 32;

    /** What an answer says: rcode, truncation, the PTR names for the question, the smallest TTL (-1 when no PTR). */
    public record PtrAnswer(int rcode, boolean truncated, List<String> names, long minTtl) {
    }

    private DnsMessages() {
    }

    public static byte[] ptrQuery(int id, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        u16(out, id);
        u16(out, 0x0100); // standard query, recursion desired
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        u16(out, TYPE_PTR);
        u16(out, CLASS_IN);
        return out.toByteArray();
    }

    /**
     * Parses a response to our query.
     *
     * @throws DnsFormatException when malformed, or when id or question do not match (a stray or spoofed packet)
     */
    public static PtrAnswer parsePtrAnswer(byte[] msg, int length, int expectedId, String question) throws DnsFormatException {
        Reader r = new Reader(msg, length);
        int id = r.u16();
        int flags = r.u16();
        int qd = r.u16();
        int an = r.u16();
        r.u16();
        r.u16();
        if (id != expectedId || (flags & 0x8000) == 0) {
            throw new DnsFormatException("not the answer to our query (id " + id + ")");
        }
        if (qd != 1) {
            throw new DnsFormatException("answer has " + qd + " questions");
        }
        String q = r.name();
        int qtype = r.u16();
        r.u16();
        if (qtype != TYPE_PTR || !q.equalsIgnoreCase(question)) {
            throw new DnsFormatException("answer is for another question: " + q);
        }
        int rcode = flags & 0xf;
        boolean truncated = (flags & 0x0200) != 0;
        String owner = question.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        long minTtl = -1;
        for (int i = 0; i < an; i++) {
            String rrName = r.name().toLowerCase(Locale.ROOT);
            int type = r.u16();
            int cls = r.u16();
            long ttl = r.u32();
            int rdLength = r.u16();
            int end = r.pos + rdLength;
            if (end > length) {
                throw new DnsFormatException("record data past the end of the message");
            }
            if (cls == CLASS_IN && rrName.equals(owner) && type == TYPE_CNAME) {
                owner = r.name().toLowerCase(Locale.ROOT);
            } else if (cls == CLASS_IN && rrName.equals(owner) && type == TYPE_PTR) {
                names.add(r.name());
                minTtl = minTtl < 0 ? ttl : Math.min(minTtl, ttl);
            }
            r.pos = end;
        }
        return new PtrAnswer(rcode, truncated, List.copyOf(names), minTtl);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static final class Reader {
        private final byte[] msg;
        private final int length;
        int pos;

        Reader(byte[] msg, int length) {
            this.msg = msg;
            this.length = length;
        }

        int u8() throws DnsFormatException {
            if (pos >= length) {
                throw new DnsFormatException("message truncated at byte " + pos);
            }
            return msg[pos++] & 0xff;
        }

        int u16() throws DnsFormatException {
            return u8() << 8 | u8();
        }

        long u32() throws DnsFormatException {
            long v = (long) u16() << 16 | u16();
            return v > 0x7fffffffL ? 0 : v; // RFC 2181 section 8: a TTL with the top bit set counts as zero
        }

        String name() throws DnsFormatException {
            StringBuilder sb = new StringBuilder();
            int p = pos;
            int jumps = 0;
            boolean jumped = false;
            while (true) {
                if (p >= length) {
                    throw new DnsFormatException("name runs past the end of the message");
                }
                int len = msg[p] & 0xff;
                if ((len & 0xc0) == 0xc0) {
                    if (p + 1 >= length || ++jumps > MAX_JUMPS) {
                        throw new DnsFormatException("bad compression pointer");
                    }
                    int target = (len & 0x3f) << 8 | (msg[p + 1] & 0xff);
                    if (!jumped) {
                        pos = p + 2;
                    }
                    jumped = true;
                    p = target;
                    continue;
                }
                if ((len & 0xc0) != 0) {
                    throw new DnsFormatException("unknown label type");
                }
                p++;
                if (len == 0) {
                    break;
                }
                if (p + len > length || sb.length() + len > 253) {
                    throw new DnsFormatException("label too long or past the end");
                }
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(new String(msg, p, len, StandardCharsets.ISO_8859_1));
                p += len;
            }
            if (!jumped) {
                pos = p;
            }
            return sb.toString();
        }
    }
}
