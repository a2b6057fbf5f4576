package io.egress.capture.internal.proto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reading side of {@link TlsClientHello}. */
final class TlsClientHelloParser {
    private static final int RECORD_HANDSHAKE = 22;
    private static final int HANDSHAKE_CLIENT_HELLO = 1;
    private static final int MAX_RECORD = (1 << 14) + 2048; // TLSCiphertext limit, RFC 8446 5.2
    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_ALPN = 16;
    private static final int MAX_ALPN = 32;

    private TlsClientHelloParser() {
    }

    static TlsClientHello fromRecords(ByteCursor in) throws ProtocolParseException {
        ByteCursor first = record(in);
        if (first.remaining() >= 4) {
            int needed = 4 + ((first.array()[first.index() + 1] & 0xff) << 16
                    | (first.array()[first.index() + 2] & 0xff) << 8 | first.array()[first.index() + 3] & 0xff);
            if (needed <= first.remaining()) {
                return fromHandshake(first); // the common case: no copy
            }
        }
        return fromHandshake(joinFragments(first, in));
    }

    /** Reads one handshake record header and returns a cursor over its fragment. */
    private static ByteCursor record(ByteCursor in) throws ProtocolParseException {
        int start = in.offset();
        int type = in.u8("tls.record.type");
        int major = in.u8("tls.record.version");
        in.u8("tls.record.version");
        if (type != RECORD_HANDSHAKE || major != 3) {
            throw ProtocolParseException.malformed("tls.record.type", start, "not a TLS handshake record");
        }
        int length = in.u16("tls.record.length");
        if (length == 0 || length > MAX_RECORD) {
            throw ProtocolParseException.malformed("tls.record.length", start + 3, "record length " + length);
        }
        return in.slice(Math.min(length, in.remaining()), "tls.record.fragment");
    }

    /**
     * Copies handshake bytes from consecutive handshake records until the message is complete or
     * the region ends; the copy is bounded by the region's size.
     */
    private static ByteCursor joinFragments(ByteCursor first, ByteCursor in) throws ProtocolParseException {
        byte[] joined = new byte[Math.min(TlsClientHello.MAX_HANDSHAKE + 4, first.remaining() + in.remaining())];
        int filled = 0;
        ByteCursor fragment = first;
        while (true) {
            int n = Math.min(fragment.remaining(), joined.length - filled);
            System.arraycopy(fragment.array(), fragment.index(), joined, filled, n);
            filled += n;
            if (filled == joined.length || in.remaining() == 0) {
                break;
            }
            fragment = record(in);
        }
        return new ByteCursor(joined, 0, filled);
    }

    static TlsClientHello fromHandshake(ByteCursor in) throws ProtocolParseException {
        int type = in.u8("tls.handshake.type");
        if (type != HANDSHAKE_CLIENT_HELLO) {
            throw ProtocolParseException.malformed("tls.handshake.type", 0, "handshake type " + type + " is not ClientHello");
        }
        int length = in.u24("tls.handshake.length");
        if (length > TlsClientHello.MAX_HANDSHAKE) {
            throw ProtocolParseException.malformed("tls.handshake.length", 1, "ClientHello of " + length + " bytes");
        }
        ByteCursor body = in.slice(length, "tls.handshake.body");
        int version = body.u16("tls.client_hello.version");
        body.skip(32, "tls.client_hello.random");
        body.skip(body.u8("tls.client_hello.session_id.length"), "tls.client_hello.session_id");
        body.skip(body.u16("tls.client_hello.cipher_suites.length"), "tls.client_hello.cipher_suites");
        body.skip(body.u8("tls.client_hello.compression.length"), "tls.client_hello.compression");
        Optional<String> serverName = Optional.empty();
        List<String> alpn = List.of();
        if (body.remaining() > 0) { // extensions are optional before TLS 1.3
            ByteCursor extensions = body.slice(body.u16("tls.extensions.length"), "tls.extensions");
            while (extensions.remaining() > 0) {
                int extType = extensions.u16("tls.extension.type");
                ByteCursor ext = extensions.slice(extensions.u16("tls.extension.length"), "tls.extension.data");
                if (extType == EXT_SERVER_NAME && serverName.isEmpty()) {
                    serverName = serverName(ext);
                } else if (extType == EXT_ALPN && alpn.isEmpty()) {
                    alpn = alpn(ext);
                }
            }
        }
        return new TlsClientHello(version, serverName, alpn);
    }

    private static Optional<String> serverName(ByteCursor ext) throws ProtocolParseException {
        ByteCursor list = ext.slice(ext.u16("tls.sni.list.length"), "tls.sni.list");
        while (list.remaining() > 0) {
            int nameType = list.u8("tls.sni.type");
            int length = list.u16("tls.sni.length");
            list.require(length, "tls.sni.name");
            if (nameType == 0 && length > 0) {
                return Optional.of(PrintableText.of(list.array(), list.index(), length));
            }
            list.skip(length, "tls.sni.name");
        }
        return Optional.empty();
    }

    private static List<String> alpn(ByteCursor ext) throws ProtocolParseException {
        ByteCursor list = ext.slice(ext.u16("tls.alpn.list.length"), "tls.alpn.list");
        List<String> out = new ArrayList<>(4);
        while (list.remaining() > 0 && out.size() < MAX_ALPN) {
            int length = list.u8("tls.alpn.length");
            list.require(length, "tls.alpn.protocol");
            out.add(PrintableText.of(list.array(), list.index(), length));
            list.skip(length, "tls.alpn.protocol");
        }
        return out;
    }
}
