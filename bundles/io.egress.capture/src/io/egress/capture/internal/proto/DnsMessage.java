package io.egress.capture.internal.proto;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * What Egress needs from one DNS message: the header flags, the questions (for query-volume and
 * tunnelling detectors) and the A, AAAA and CNAME records with their TTLs (to name addresses seen
 * in other flows). Other record types are kept only as owner name, type, TTL and data length.
 * <p>
 * Parsing never reads outside the given region. A message whose header or question section is
 * unreadable is rejected with {@link ProtocolParseException}; when a later record is unreadable
 * (typically a packet cut by the snap length) the records read so far are returned and
 * {@link #error()} holds the reason, so one bad record does not lose the rest.
 *
 * @param id         the transaction id
 * @param response   the QR bit
 * @param opcode     the OPCODE field (0 = standard query)
 * @param rcode      the RCODE field (0 = no error, 3 = NXDOMAIN)
 * @param truncated  the TC bit: the server cut the answer (the client will retry over TCP)
 * @param questions  the questions, in message order
 * @param records    the resource records of all three sections, in message order
 * @param error      why parsing stopped early, or empty when the whole message was read
 */
public record DnsMessage(int id, boolean response, int opcode, int rcode, boolean truncated,
        List<Question> questions, List<ResourceRecord> records, Optional<ProtocolParseException> error) {

    public static final int TYPE_A = 1;
    public static final int TYPE_NS = 2;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_MX = 15;
    public static final int TYPE_TXT = 16;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_OPT = 41;

    /** Which section of the message a record came from. */
    public enum Section {
        ANSWER, AUTHORITY, ADDITIONAL
    }

    /**
     * One question.
     *
     * @param name     the queried name in presentation form ({@code "."} for the root)
     * @param type     the QTYPE (1 A, 28 AAAA, 16 TXT ...)
     * @param dnsClass the QCLASS (1 IN); the top bit is the mDNS unicast-response flag
     */
    public record Question(String name, int type, int dnsClass) {
    }

    /**
     * One resource record.
     *
     * @param section     where it appeared
     * @param name        its owner name
     * @param type        its TYPE
     * @param ttl         its TTL in seconds (0 to 2^32-1)
     * @param dataLength  the RDLENGTH, useful for TXT volume
     * @param address     the address of an A record ({@code Inet4Address}) or an AAAA record (always an
     *                    {@code Inet6Address}, also for IPv4-mapped addresses), otherwise empty
     * @param target      the canonical name of a CNAME record, otherwise empty
     */
    public record ResourceRecord(Section section, String name, int type, long ttl, int dataLength,
            Optional<InetAddress> address, Optional<String> target) {
    }

    /**
     * One address named by an answer.
     *
     * @param address     the A or AAAA address
     * @param recordName  the owner name of the A/AAAA record
     * @param queriedName the name at the start of the CNAME chain leading to {@code recordName}:
     *                    the question's name in a normal recursive answer, otherwise {@code recordName}
     * @param ttl         the TTL of the A/AAAA record
     */
    public record AddressName(InetAddress address, String recordName, String queriedName, long ttl) {
    }

    public DnsMessage {
        questions = List.copyOf(questions);
        records = List.copyOf(records);
    }

    /**
     * Parses a DNS message as carried in a UDP payload (port 53, and also mDNS and LLMNR).
     *
     * @throws ProtocolParseException when the header or a question cannot be read
     */
    public static DnsMessage parse(byte[] data, int offset, int length) throws ProtocolParseException {
        return DnsParser.parse(new ByteCursor(data, offset, length));
    }

    /** As {@link #parse(byte[], int, int)} for the bytes between the buffer's position and limit (left unchanged). */
    public static DnsMessage parse(ByteBuffer payload) throws ProtocolParseException {
        return DnsParser.parse(ByteCursor.over(payload));
    }

    /**
     * Parses the first DNS message of a TCP payload, which starts with a two-byte length
     * (RFC 1035 section 4.2.2). Bytes after that message are ignored.
     *
     * @throws ProtocolParseException when the length prefix or the message is unreadable, with
     *                                {@link ProtocolParseException#isTruncated()} when the segment
     *                                holds only part of the message
     */
    public static DnsMessage parseTcp(byte[] data, int offset, int length) throws ProtocolParseException {
        ByteCursor stream = new ByteCursor(data, offset, length);
        int messageLength = stream.u16("dns.tcp.length");
        return DnsParser.parse(stream.slice(messageLength, "dns.tcp.message"));
    }

    /** The name of the first question (nearly every message has exactly one), or empty when there is none. */
    public Optional<String> firstQueryName() {
        return questions.isEmpty() ? Optional.empty() : Optional.of(questions.get(0).name());
    }

    /**
     * The addresses this message names: one entry per A or AAAA record in the answer section,
     * with the CNAME chain in that section followed back so that the address also maps to the
     * name that was asked (e.g. 208.80.152.3 -> upload.pmtpa.wikimedia.org, asked as
     * upload.wikimedia.org). Authority and additional records are not trusted for this.
     */
    public List<AddressName> addressNames() {
        return DnsCnameChains.addressNames(records);
    }
}
