package io.egress.capture.internal.proto;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reading side of {@link DnsMessage}; one instance per message. */
final class DnsParser {
    private static final int HEADER_LENGTH = 12;
    /** Smallest question: root name (1) + type (2) + class (2). */
    private static final int MIN_QUESTION = 5;
    /** Smallest record: root name (1) + type, class (4) + TTL (4) + RDLENGTH (2). */
    private static final int MIN_RECORD = 11;

    private final ByteCursor in;
    private final DnsNames names = new DnsNames();

    private DnsParser(ByteCursor in) {
        this.in = in;
    }

    static DnsMessage parse(ByteCursor in) throws ProtocolParseException {
        return new DnsParser(in).message();
    }

    private DnsMessage message() throws ProtocolParseException {
        if (in.remaining() < HEADER_LENGTH) {
            throw ProtocolParseException.truncated("dns.header", in.offset());
        }
        int id = in.u16("dns.id");
        int flags = in.u16("dns.flags");
        int qdCount = in.u16("dns.qdcount");
        int anCount = in.u16("dns.ancount");
        int nsCount = in.u16("dns.nscount");
        int arCount = in.u16("dns.arcount");

        // Counts come from the sender: size the lists by what the bytes could hold, not by the claim.
        List<DnsMessage.Question> questions = new ArrayList<>(Math.min(qdCount, in.remaining() / MIN_QUESTION));
        for (int i = 0; i < qdCount; i++) {
            String name = names.read(in, "dns.question.name");
            int type = in.u16("dns.question.type");
            int dnsClass = in.u16("dns.question.class");
            questions.add(new DnsMessage.Question(name, type, dnsClass));
        }

        int claimed = anCount + nsCount + arCount;
        List<DnsMessage.ResourceRecord> records = new ArrayList<>(Math.min(claimed, in.remaining() / MIN_RECORD));
        Optional<ProtocolParseException> error = Optional.empty();
        try {
            readSection(records, DnsMessage.Section.ANSWER, anCount);
            readSection(records, DnsMessage.Section.AUTHORITY, nsCount);
            readSection(records, DnsMessage.Section.ADDITIONAL, arCount);
        } catch (ProtocolParseException e) {
            error = Optional.of(e);
        }
        return new DnsMessage(id, (flags & 0x8000) != 0, flags >>> 11 & 0xf, flags & 0xf, (flags & 0x0200) != 0,
                questions, records, error);
    }

    private void readSection(List<DnsMessage.ResourceRecord> out, DnsMessage.Section section, int count)
            throws ProtocolParseException {
        for (int i = 0; i < count; i++) {
            out.add(record(section));
        }
    }

    private DnsMessage.ResourceRecord record(DnsMessage.Section section) throws ProtocolParseException {
        String name = names.read(in, "dns.rr.name");
        int type = in.u16("dns.rr.type");
        in.u16("dns.rr.class");
        long ttl = in.u32("dns.rr.ttl");
        int dataLength = in.u16("dns.rr.rdlength");
        int dataStart = in.offset();
        in.require(dataLength, "dns.rr.rdata");
        Optional<InetAddress> address = Optional.empty();
        Optional<String> target = Optional.empty();
        if (type == DnsMessage.TYPE_A || type == DnsMessage.TYPE_AAAA) {
            int expected = type == DnsMessage.TYPE_A ? 4 : 16;
            if (dataLength != expected) {
                throw ProtocolParseException.malformed("dns.rr.address", dataStart,
                        "address of " + dataLength + " bytes in a type " + type + " record");
            }
            address = Optional.of(address(in.bytes(expected, "dns.rr.address")));
        } else if (type == DnsMessage.TYPE_CNAME) {
            // The target may be compressed; it must still end inside RDATA.
            target = Optional.of(names.read(in, "dns.rr.cname"));
            if (in.offset() - dataStart > dataLength) {
                throw ProtocolParseException.malformed("dns.rr.cname", dataStart, "name runs past RDLENGTH");
            }
        }
        in.seek(dataStart + dataLength, "dns.rr.rdata");
        return new DnsMessage.ResourceRecord(section, name, type, ttl, dataLength, address, target);
    }

    private static InetAddress address(byte[] raw) {
        try {
            // No lookup happens here. AAAA stays IPv6 even for ::ffff:a.b.c.d, which
            // InetAddress.getByAddress would silently turn into an IPv4 address.
            return raw.length == 4 ? InetAddress.getByAddress(raw) : Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
