package io.egress.detect;

import java.util.Objects;

/**
 * One DNS question seen on the wire (a query, not its answer).
 *
 * @param timeNanos when it was sent
 * @param flow      index of its flow in {@link DetectionInput#flows()}, or -1 when not known
 * @param client    the asking address, in text form
 * @param server    the resolver's address, in text form
 * @param name      the queried name, lower case, without the trailing dot
 * @param type      the QTYPE (1 A, 16 TXT, 28 AAAA, ...)
 */
public record DnsQuery(long timeNanos, int flow, String client, String server, String name, int type) {
    public static final int TYPE_TXT = 16;
    public static final int TYPE_NULL = 10;

    public DnsQuery {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
    }
}
