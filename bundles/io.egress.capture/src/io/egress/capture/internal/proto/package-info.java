/**
 * Parsers for the application-layer facts Egress attaches to flows: Community ID, DNS messages,
 * TLS ClientHello SNI/ALPN, QUIC Initial SNI and the HTTP/1.x request line and Host header.
 * <p>
 * Every parser reads a region {@code (byte[] data, int offset, int length)} (or a
 * {@code ByteBuffer}'s remaining bytes) of one transport payload, never reads outside it, never
 * changes it, and reports bad input only as {@link io.egress.capture.internal.proto.ProtocolParseException}
 * (field, offset, truncated or malformed). A caller bug such as a region outside the array is an
 * {@code IndexOutOfBoundsException}. There is no static mutable state; the stateful classes
 * ({@link io.egress.capture.internal.proto.CommunityId},
 * {@link io.egress.capture.internal.proto.QuicClientHelloAssembler}) are per thread or per flow.
 * See {@code docs/protocol-parsers.md}.
 */
package io.egress.capture.internal.proto;
